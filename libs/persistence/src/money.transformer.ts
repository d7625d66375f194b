import { toFixed2 } from '@ledger/kernel';
import type { ValueTransformer } from 'typeorm';

/**
 * `numeric(18,2)` ↔ decimal string. The pg driver already returns numeric as text; this keeps it text
 * on the way in too, so an amount never passes through a binary float.
 */
export const moneyTransformer: ValueTransformer = {
  to: (value: string | null | undefined) => (value === null || value === undefined ? value : toFixed2(value)),
  from: (value: string | null) => (value === null ? null : toFixed2(value)),
};
