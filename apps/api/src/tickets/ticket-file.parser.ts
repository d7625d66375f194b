import { ValidationError } from '@ledger/kernel';
import { TICKET_ROW_COLUMNS } from '@ledger/contracts';
import { TicketImportFormat } from './tickets.models';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

/**
 * Largest accepted file and row count: a contract-year's backlog in one file (tens of thousands of 联系单; a CSV
 * row is 150–250 bytes, so 100 000 rows are 15–25 MB).
 */
export const MAX_IMPORT_BYTES = 32 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 100_000;
/**
 * An XLSX is loaded whole into an exceljs workbook (about 30× its size in memory, ~0.5 s per 1 000 rows), so its
 * limit stays at 5 MB (about 65 000 rows); a larger backlog is imported as CSV or in several files.
 */
export const MAX_XLSX_IMPORT_BYTES = 5 * 1024 * 1024;

/**
 * The JSON request body an import needs: the file in base64 (4 bytes per 3) plus the GraphQL document. The API's
 * JSON body parser must accept this much (`main.ts`; Express's default is 100 kB, below any real import).
 */
export const IMPORT_REQUEST_BODY_LIMIT_BYTES = Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 1024 * 1024;

const DATE_FIELDS = new Set<string>([...TICKET_ROW_COLUMNS.expectedCloseDate, ...TICKET_ROW_COLUMNS.extendedTo].map((h) => h.toLowerCase()));
const PATH = 'input.contentBase64';

export function decodeBase64(content: string, maxBytes = MAX_IMPORT_BYTES): Buffer {
  const text = /\s/.test(content) ? content.replace(/\s+/g, '') : content;
  if (text === '' || !/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) throw new ValidationError([{ path: PATH, message: 'not base64' }]);
  // Refused before decoding: 4 base64 characters are 3 bytes.
  if ((text.length / 4) * 3 - (text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0) > maxBytes) throw new ValidationError([{ path: PATH, message: `the file is larger than ${maxBytes} bytes` }]);
  return Buffer.from(text, 'base64');
}

function checkRows(rows: Record<string, string>[]): Record<string, string>[] {
  if (rows.length === 0) throw new ValidationError([{ path: PATH, message: 'the file has a header row but no data rows' }]);
  if (rows.length > MAX_IMPORT_ROWS) throw new ValidationError([{ path: PATH, message: `at most ${MAX_IMPORT_ROWS} rows per import (got ${rows.length})` }]);
  return rows;
}

/** CSV: UTF-8 (a BOM is dropped), first line = headers, every cell a string. */
export function parseCsv(bytes: Buffer): Record<string, string>[] {
  try {
    const rows = parse(bytes, { bom: true, columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
    return checkRows(rows);
  } catch (e) {
    if (e instanceof ValidationError) throw e;
    throw new ValidationError([{ path: PATH, message: `not a readable CSV file: ${(e as Error).message}` }]);
  }
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * A cell as the text the row validator reads. Excel dates carry no zone: exceljs gives the wall-clock time as a
 * UTC Date, so its UTC fields are the local date and time in the contract's zone.
 */
function cellText(value: ExcelJS.CellValue, header: string): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const date = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    return DATE_FIELDS.has(header.trim().toLowerCase()) ? date : `${date} ${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}`;
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue, header);
    if ('error' in value) return String(value.error);
    return '';
  }
  return String(value);
}

/** XLSX: the first worksheet, row 1 = headers. */
export async function parseXlsx(bytes: Buffer): Promise<Record<string, string>[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new ValidationError([{ path: PATH, message: `not a readable XLSX file: ${(e as Error).message}` }]);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ValidationError([{ path: PATH, message: 'the workbook has no worksheet' }]);
  const headers: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => {
    headers[col] = cellText(cell.value, '').trim();
  });
  if (headers.filter(Boolean).length === 0) throw new ValidationError([{ path: PATH, message: 'the first row of the first sheet holds no headers' }]);
  const rows: Record<string, string>[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const out: Record<string, string> = {};
    let any = false;
    headers.forEach((h, col) => {
      if (!h) return;
      const text = cellText(row.getCell(col).value, h).trim();
      if (text !== '') any = true;
      out[h] = text;
    });
    if (any) rows.push(out);
  }
  return checkRows(rows);
}

/** The rows of an import file (base64 of a CSV or an XLSX), or the problem at `input.contentBase64`. */
export async function readTicketFile(format: TicketImportFormat, contentBase64: string): Promise<Record<string, string>[]> {
  if (format === TicketImportFormat.XLSX) return parseXlsx(decodeBase64(contentBase64, MAX_XLSX_IMPORT_BYTES));
  return parseCsv(decodeBase64(contentBase64));
}
