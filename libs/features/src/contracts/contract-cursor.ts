import { UUID } from '../graphql/ids';

/** The list's page key, opaque to clients: the last row's (id, code); the id first, as it never holds the separator. */
export const encodeCursor = (c: { code: string; id: string }): string =>
  Buffer.from(`${c.id}|${c.code}`, 'utf8').toString('base64url');

/** The key a cursor names, or null when it names none (a ticket board's cursor, a tampered one). */
export function decodeCursor(cursor: string): { code: string; id: string } | null {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const bar = text.indexOf('|');
  const id = text.slice(0, bar);
  const code = text.slice(bar + 1);
  if (bar < 0 || !UUID.test(id) || code === '' || code.length > 64) return null;
  return { code, id };
}
