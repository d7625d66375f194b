import { UUID } from '../graphql/ids';

/** The board's page key, opaque to clients: the last row's (created_at to the microsecond, id). */
export const encodeCursor = (k: { createdAt: string; id: string }): string =>
  Buffer.from(`${k.createdAt}|${k.id}`, 'utf8').toString('base64url');

/** The key a cursor names, or null when it names none (a contract list's cursor, a tampered one). */
export function decodeCursor(cursor: string): { createdAt: string; id: string } | null {
  const [createdAt, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (rest.length || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(createdAt ?? '') || !UUID.test(id ?? ''))
    return null;
  return { createdAt, id };
}
