/*
 * The limits of a ticket import, in one place: the API's upload route, the import job and the documentation
 * (docs/api/tickets.md, README; test/api/ticket-import.e2e.spec.ts checks they state these numbers).
 */

/** Largest uploaded file of any format: a contract-year's backlog as CSV (150–250 bytes a row: 100 000 rows ≈ 15–25 MB). */
export const MAX_IMPORT_BYTES = 32 * 1024 * 1024;
/** Largest XLSX upload (compressed). */
export const MAX_XLSX_IMPORT_BYTES = 5 * 1024 * 1024;
/**
 * Most bytes an XLSX may inflate to, all its zip entries together: the cap that stops a decompression bomb (a few
 * hundred kB of zip that inflate to gigabytes). A real 5 MB workbook inflates to 30–50 MB.
 */
export const MAX_XLSX_INFLATED_BYTES = 64 * 1024 * 1024;
/** Most data rows (the header row excluded) of one import, either format. */
export const MAX_IMPORT_ROWS = 100_000;
