import { dec, problemIssue, type ProblemCode } from '@ledger/kernel';
import { z } from 'zod';
import { isLocalDate } from './contract-context';
import { UUID } from '../graphql/ids';

/*
 * Field schemas the operation inputs share (`*.schemas.ts` in the features). GraphQL has already checked each
 * argument's type (String!, Int, the Money scalar's storable-money rule), so these only add format and range.
 */

/** Text with something besides blanks; `code` says so in the feature's words (`text.empty`, `value.required`…). */
export const nonBlank = (code: ProblemCode = 'text.empty') =>
  z.string().refine((v) => v.trim() !== '', problemIssue(code));

/** A contract's or a project's code: a letter or digit first, then letters, digits, `.`, `_`, `-`, 64 at most. */
export const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const codeText = z.string().refine((v) => CODE.test(v), problemIssue('text.code'));

export const uuidText = z.string().refine((v) => UUID.test(v), problemIssue('text.uuid'));

/** A calendar date `YYYY-MM-DD` that exists (2026-02-30 does not). */
export const localDate = z.string().refine((v) => isLocalDate(v), problemIssue('date.format'));

/** A calendar month `YYYY-MM`. */
export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
export const monthText = z.string().refine((m) => MONTH.test(m), problemIssue('month.format'));

/** An amount that must be above zero; its format is the Money scalar's (the kernel's money rule). */
export const positiveMoney = z.string().refine((v) => dec(v).gt(0), problemIssue('number.positive'));

/** One of a fixed list of words, said with the list (`value.oneOf`). */
export const oneOf = (values: readonly string[]) =>
  z.string().refine((v) => values.includes(v), problemIssue('value.oneOf', { values }));

/** A JSON object (not a list, not a scalar). */
export const isJsonObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
