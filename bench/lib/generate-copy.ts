import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** One value in PostgreSQL's COPY text format: NULL is \N; backslash, tab, newline and carriage return are escaped. */
export function copyValue(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 't' : 'f';
  return /[\\\t\n\r]/.test(v)
    ? v.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'))
    : v;
}

/** One COPY text line (with its newline). */
export const copyLine = (values: readonly (string | number | boolean | null | undefined)[]): string =>
  `${values.map(copyValue).join('\t')}\n`;

/** A JSON value as a COPY field (jsonb input). */
export const copyJson = (v: unknown): string => (v === null || v === undefined ? '\\N' : copyValue(JSON.stringify(v)));

/**
 * COPY <table> (<columns>) FROM STDIN, fed from `chunks` (each chunk is one or more complete lines). Streams with
 * backpressure: only what the socket has not taken yet is held in memory. Returns the rows PostgreSQL reports.
 */
export async function copyInto(
  client: Client,
  table: string,
  columns: readonly string[],
  chunks: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>,
): Promise<number> {
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(chunks, { objectMode: false }), stream);
  return stream.rowCount;
}
