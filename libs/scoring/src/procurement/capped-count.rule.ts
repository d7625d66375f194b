import { addProblem, dec, decimalInput, problem, type Problem } from '@ledger/kernel';
import { z } from 'zod';
import { explain, signed } from '../shared/format';
import type { ItemScore, ProcurementItemDefinition } from './types';

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const cappedCountParamsSchema = z.object({
  /** Points per qualifying unit (2 per past contract, 2 per certificate, 1 per qualified person). */
  unitPoints: decimalInput,
  /** The item's maximum (最多10分). */
  cap: decimalInput,
  /** What is counted, for explanations: '业绩', '证书', '人员'. */
  unit: z.string().min(1),
  /** Evidence dated before this local date does not count (合同签订日期应为2020年1月1日或以后 → '2020-01-01'). */
  notBefore: z.string().regex(LOCAL_DATE, 'must be a local date YYYY-MM-DD').optional(),
});
export type CappedCountParams = z.infer<typeof cappedCountParamsSchema>;

const evidenceSchema = z.object({
  ref: z.string().optional(),
  /** Signing date of a past contract, when the item has a cut-off. */
  date: z.string().regex(LOCAL_DATE, 'must be a local date YYYY-MM-DD').optional(),
  /** false when the panel rejected the evidence (masked, no client seal, not a formal employee…). */
  qualifies: z.boolean().optional(),
});
/** A count of qualifying units, or the evidence list (so dates and rejections are checked and shown). */
export type CappedCountInput = number | z.infer<typeof evidenceSchema>[];

export const cappedCountItem: ProcurementItemDefinition<CappedCountParams, CappedCountInput> = {
  kind: 'capped-count',
  description: 'N points per qualifying unit, up to a cap (每个业绩2分，最多10分).',
  source: 'bid',
  paramsSchema: cappedCountParamsSchema,
  validate(params): Problem[] {
    const problems: Problem[] = [];
    if (dec(params.unitPoints).lte(0)) problems.push(problem('unitPoints', 'number.positive'));
    if (dec(params.cap).lte(0)) problems.push(problem('cap', 'number.positive'));
    return problems;
  },
  maxPoints: (params) => dec(params.cap),
  inputSchema(params) {
    const list = z.array(evidenceSchema).superRefine((items, ctx) => {
      if (!params.notBefore) return;
      items.forEach((e, i) => {
        if (e.date === undefined && e.qualifies !== false)
          addProblem(ctx, 'procurement.evidenceDateRequired', { unit: params.unit, notBefore: params.notBefore }, [
            i,
            'date',
          ]);
      });
    });
    return z.union([z.number().int().nonnegative(), list], {
      error: 'must be a non-negative whole count or a list of evidence',
    });
  },
  evaluate(params, input): ItemScore {
    let count: number;
    const excluded: string[] = [];
    const rejected: string[] = [];
    const early: string[] = [];
    if (typeof input === 'number') count = input;
    else {
      count = 0;
      input.forEach((e, i) => {
        const name = e.ref ?? `#${i + 1}`;
        // Local dates compare correctly as strings (YYYY-MM-DD).
        if (e.qualifies === false) {
          excluded.push(`${name} rejected`);
          rejected.push(name);
        } else if (params.notBefore && e.date !== undefined && e.date < params.notBefore) {
          excluded.push(`${name} dated ${e.date} < ${params.notBefore}`);
          early.push(`${name} (${e.date})`);
        } else count++;
      });
    }
    const raw = dec(params.unitPoints).times(count);
    const pts = raw.gt(dec(params.cap)) ? dec(params.cap) : raw;
    const capped = pts.eq(raw) ? '' : `, capped at ${params.cap}`;
    return {
      points: pts.toString(),
      explanation: `${count} ${params.unit} × ${params.unitPoints} = ${raw.toString()}${capped} → ${signed(pts)}${excluded.length ? ` (not counted: ${excluded.join('; ')})` : ''}`,
      explained: explain('procurement.count', {
        count,
        unit: params.unit,
        unitPoints: params.unitPoints,
        raw: raw.toString(),
        // Only when the cap applied: the dictionaries show "capped at" then.
        cap: pts.eq(raw) ? undefined : params.cap,
        points: pts.toString(),
        rejected: rejected.length ? rejected.join(', ') : undefined,
        early: early.length ? early.join(', ') : undefined,
        notBefore: early.length ? params.notBefore : undefined,
      }),
    };
  },
};
