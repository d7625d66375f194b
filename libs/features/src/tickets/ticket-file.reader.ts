import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import {
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  MAX_XLSX_IMPORT_BYTES,
  MAX_XLSX_INFLATED_BYTES,
  TICKET_ROW_COLUMNS,
} from '@ledger/contracts';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { Parse as parseZip } from 'unzipper';

/*
 * An import file as rows of strings (header → cell), read as a stream: a CSV is decoded and parsed a slice at a
 * time, an XLSX is first measured inflated (a decompression bomb stops at MAX_XLSX_INFLATED_BYTES without being
 * held anywhere) and then read by exceljs's streaming reader. Both stop at MAX_IMPORT_ROWS + 1 rows. Every await
 * between slices lets the event loop run (the API process runs the job in embedded mode).
 */

export type TicketFileFormat = 'csv' | 'xlsx';

/** What is wrong with the file itself (not with its rows): shown to the user at the path `file`. */
export class TicketFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TicketFileError';
  }
}

/** The format of an upload from its first bytes: an XLSX is a zip (`PK\x03\x04`), anything else is read as CSV. */
export function sniffFormat(bytes: Buffer): TicketFileFormat {
  return bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50 ? 'xlsx' : 'csv';
}

/** Largest upload of the format. */
export const maxBytesOf = (format: TicketFileFormat): number =>
  format === 'xlsx' ? MAX_XLSX_IMPORT_BYTES : MAX_IMPORT_BYTES;

const DATE_FIELDS = new Set<string>(
  [...TICKET_ROW_COLUMNS.expectedCloseDate, ...TICKET_ROW_COLUMNS.extendedTo].map((h) => h.toLowerCase()),
);
/** Bytes of a CSV decoded and handed to the parser at a time. */
const CSV_SLICE_BYTES = 64 * 1024;
const SAVE_AS_UTF8 =
  'in Excel: 另存为 (Save As) → "CSV UTF-8 (逗号分隔)(*.csv)", or save the sheet as .xlsx and upload that';

/**
 * The text encoding of a CSV: UTF-8 when it has the UTF-8 BOM or is valid UTF-8, else GB18030 (a superset of GBK,
 * what Excel writes for "CSV (逗号分隔)" on Chinese Windows). UTF-16 (Excel's "Unicode text") is refused with what to do.
 */
export function csvEncoding(bytes: Buffer): 'utf-8' | 'gb18030' {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw new TicketFileError(`the file is UTF-16 text, not a CSV file: ${SAVE_AS_UTF8}`);
  }
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  return isUtf8(bytes) ? 'utf-8' : 'gb18030';
}

/** The CSV's text in slices (Node's TextDecoder: full ICU, GB18030 included; no dependency). */
function* decodedSlices(bytes: Buffer): Generator<string> {
  const encoding = csvEncoding(bytes);
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: false });
  try {
    for (let at = 0; at < bytes.length; at += CSV_SLICE_BYTES)
      yield decoder.decode(bytes.subarray(at, at + CSV_SLICE_BYTES), { stream: true });
    yield decoder.decode();
  } catch (e) {
    if (e instanceof TypeError)
      throw new TicketFileError(`the file is neither UTF-8 nor GB18030/GBK text: ${SAVE_AS_UTF8}`);
    throw e;
  }
}

/** CSV: UTF-8 or GB18030/GBK (detected), comma separated, first line = headers, every cell a trimmed string. */
async function* csvRows(bytes: Buffer): AsyncGenerator<Record<string, string>> {
  const parser = parse({ columns: true, skip_empty_lines: true, trim: true, bom: true });
  const source = Readable.from(decodedSlices(bytes));
  source.on('error', (e) => parser.destroy(e));
  source.pipe(parser);
  try {
    for await (const record of parser) yield record as Record<string, string>;
  } catch (e) {
    if (e instanceof TicketFileError) throw e;
    throw new TicketFileError(`not a readable CSV file: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    source.destroy();
    parser.destroy();
  }
}

/**
 * Inflates every entry of the zip as exceljs's reader will meet them (the same streaming parser, unzipper's, in local
 * header order — not the central directory, which a crafted file can make disagree) and counts the bytes, holding
 * none: past `limit` the file is refused before any XML is parsed. The sizes a zip declares are not trusted.
 */
export async function checkInflatedSize(bytes: Buffer, limit = MAX_XLSX_INFLATED_BYTES): Promise<number> {
  const zip = parseZip({ forceStream: true });
  const source = Readable.from([bytes]);
  source.on('error', (e) => zip.destroy(e));
  source.pipe(zip);
  let total = 0;
  try {
    for await (const entry of zip) {
      for await (const chunk of entry) {
        total += (chunk as Buffer).length;
        if (total > limit)
          throw new TicketFileError(
            `the workbook inflates to more than ${limit} bytes (${limit / 2 ** 20} MiB): refused as a possible decompression bomb; split it, or import it as CSV`,
          );
      }
    }
  } catch (e) {
    if (e instanceof TicketFileError) throw e;
    throw new TicketFileError(`not a readable XLSX file: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    source.unpipe(zip);
    source.destroy();
    zip.destroy();
  }
  return total;
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
    return DATE_FIELDS.has(header.trim().toLowerCase())
      ? date
      : `${date} ${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}`;
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

/** XLSX: the first worksheet, row 1 = headers; rows without any value are skipped. */
async function* xlsxRows(bytes: Buffer): AsyncGenerator<Record<string, string>> {
  await checkInflatedSize(bytes);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let headers: string[] | undefined;
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = row.values as ExcelJS.CellValue[];
        if (!headers) {
          headers = values.map((v) => cellText(v, '').trim());
          if (headers.filter(Boolean).length === 0)
            throw new TicketFileError('the first row of the first sheet holds no headers');
          continue;
        }
        const out: Record<string, string> = {};
        let any = false;
        headers.forEach((h, col) => {
          if (!h) return;
          const text = cellText(values[col], h).trim();
          if (text !== '') any = true;
          out[h] = text;
        });
        if (any) yield out;
      }
      // The first worksheet only.
      break;
    }
  } catch (e) {
    if (e instanceof TicketFileError) throw e;
    throw new TicketFileError(`not a readable XLSX file: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!headers) throw new TicketFileError('the workbook has no worksheet with a header row');
}

/**
 * The data rows of an import file, streamed; refuses (TicketFileError) a file larger than its format allows, an
 * unreadable or over-inflating one, one without data rows, and one with more than MAX_IMPORT_ROWS rows — as soon
 * as row MAX_IMPORT_ROWS + 1 is met, without reading on.
 */
export async function* readTicketFile(format: TicketFileFormat, bytes: Buffer): AsyncGenerator<Record<string, string>> {
  const max = maxBytesOf(format);
  if (bytes.length > max)
    throw new TicketFileError(`the ${format.toUpperCase()} file is larger than ${max} bytes (${max / 2 ** 20} MiB)`);
  let count = 0;
  for await (const row of format === 'xlsx' ? xlsxRows(bytes) : csvRows(bytes)) {
    if (++count > MAX_IMPORT_ROWS)
      throw new TicketFileError(`at most ${MAX_IMPORT_ROWS} rows per import: the file has more; split it`);
    yield row;
  }
  if (count === 0) throw new TicketFileError('the file has a header row but no data rows');
}
