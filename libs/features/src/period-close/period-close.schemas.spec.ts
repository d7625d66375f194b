import { ValidationError } from '@ledger/kernel';
import { checkArguments } from '../graphql/validate-input.interceptor';
import { recordAdjustmentArgs, reopenPeriodCloseArgs } from './period-close.schemas';
import type { z } from 'zod';

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

describe('period close arguments keep the paths clients read (no `input.` prefix)', () => {
  it('a reopen without a reason and with an impossible date: both problems', () => {
    expect(refused(reopenPeriodCloseArgs, { input: { closeId: 'c', reason: '  ', asOf: '2026-02-30' } })).toEqual([
      ['reason', 'close.reopenReasonRequired'],
      ['asOf', 'date.format'],
    ]);
    expect(refused(reopenPeriodCloseArgs, { input: { closeId: 'c', reason: '数据更正' } })).toEqual([]);
  });

  it('an adjustment of zero without a reason: both problems; a negative one passes', () => {
    expect(refused(recordAdjustmentArgs, { input: { correctsCloseId: 'c', amount: '0.00', reason: '' } })).toEqual([
      ['amount', 'money.nonZeroFen'],
      ['reason', 'close.adjustmentReasonRequired'],
    ]);
    expect(refused(recordAdjustmentArgs, { input: { correctsCloseId: 'c', amount: '-1.50', reason: '多扣' } })).toEqual(
      [],
    );
  });
});
