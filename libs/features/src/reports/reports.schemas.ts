import { addProblem } from '@ledger/kernel';
import { z } from 'zod';
import { isJsonObject, MONTH, nonBlank } from '../shared/input-fields';

/*
 * The monthly report operations' arguments: shape and format (ValidateInput). The report's content against the
 * contract's configuration (roles, days, the month within the term) and the report's status stay in ReportsService.
 */

/** Checked in `defer` mode: the contract is looked up (NOT_FOUND, FORBIDDEN) before any problem is reported. */
export const saveMonthlyReportArgs = z.object({
  input: z.object({ month: z.string(), report: z.unknown().optional() }).superRefine(({ month, report }, ctx) => {
    if (!MONTH.test(month)) addProblem(ctx, 'month.format', {}, ['month']);
    if (!isJsonObject(report)) addProblem(ctx, 'object.expected', {}, ['report']);
    else if (report.month !== undefined && report.month !== month)
      addProblem(ctx, 'report.monthMismatch', { value: String(report.month), month }, ['report', 'month']);
  }),
});

export const returnMonthlyReportArgs = z.object({ comment: nonBlank('report.returnComment') });
