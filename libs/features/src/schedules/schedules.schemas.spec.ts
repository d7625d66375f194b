import { ValidationError } from '@ledger/kernel';
import type { z } from 'zod';
import { checkArguments } from '../graphql/validate-input.interceptor';
import { markPaidArgs, paymentSchedulesArgs } from './schedules.schemas';

/** The problems of a refused call, as [path, code]. */
function refused(schema: z.ZodType, args: Record<string, unknown>): [string, string][] {
  try {
    checkArguments(schema, args, 'refuse');
  } catch (e) {
    if (e instanceof ValidationError) return e.problems.map((p) => [p.path, p.code]);
    throw e;
  }
  return [];
}

describe('payment schedule arguments', () => {
  it('markPaid: every problem, at the paths clients read (no `input.` prefix)', () => {
    const input = { contractId: 'c', lineId: ' ', paidOn: '2026-13-01', amount: '0.00' };
    expect(refused(markPaidArgs, { input })).toEqual([
      ['amount', 'money.positiveFen'],
      ['paidOn', 'date.format'],
      ['lineId', 'value.required'],
    ]);
    expect(refused(markPaidArgs, { input: { ...input, lineId: 'L1', paidOn: '2026-01-05', amount: '0.01' } })).toEqual(
      [],
    );
  });

  it('paymentSchedules: a month YYYY-MM and a known status', () => {
    expect(refused(paymentSchedulesArgs, { filter: { dueMonth: '2026-13', status: 'late' } })).toEqual([
      ['filter.dueMonth', 'month.format'],
      ['filter.status', 'value.oneOf'],
    ]);
    expect(refused(paymentSchedulesArgs, { filter: null })).toEqual([]);
  });
});
