import { hash, verify } from 'argon2';

/** argon2id with the library's defaults (OWASP-level memory cost). */
export const hashPassword = (password: string): Promise<string> => hash(password, { type: 2 });

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}
