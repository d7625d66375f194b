import {
  dec,
  Decimal,
  decimalInput,
  formatPath,
  problem,
  problemIssue,
  toFixed2,
  ValidationError,
  zodProblems,
  type Problem,
} from '@ledger/kernel';
import { z } from 'zod';
import { explain } from '../shared/format';
import type { ScoringExplanation, ScoringFlag } from '../types';
import { evaluatedPrice, priceScore } from './price.rule';
import { procurementSchemeSchema, type ProcurementScheme, type ProcurementSchemeInput } from './procurement-scheme';
import { procurementItemRegistry } from './registry';
import type { AnyProcurementItemDefinition } from './types';

const bidSchema = z.object({
  bidderId: z.string().min(1),
  name: z.string().optional(),
  /** The final offer (最后报价), the figure compared with the budget and signed in the contract. */
  price: decimalInput.refine((v) => dec(v).gt(0), problemIssue('number.positive')),
  /** Qualifies for the small/micro price deduction (incl. prison enterprises and disability welfare units). */
  smallOrMicro: z.boolean(),
  preferenceBasis: z.enum(['small-micro', 'prison-enterprise', 'disability-welfare-unit']).optional(),
  /** Another disqualification ground found by the panel (28.6: missing e-seal, false material, ★ deviation…). */
  disqualified: z.string().min(1).optional(),
  /** Objective item id → answer (a count, evidence list, or true/false). */
  objective: z.record(z.string(), z.unknown()).default({}),
});

const sheetSchema = z.object({
  evaluatorId: z.string().min(1),
  bidderId: z.string().min(1),
  /** Subjective item id → flaw-ladder entry `{ flaws, provided?, meetsRequirements?, missingTopics? }`. */
  items: z.record(z.string(), z.unknown()),
});

export const procurementInputSchema = z.object({
  budget: decimalInput.refine((v) => dec(v).gt(0), problemIssue('number.positive')),
  bids: z.array(bidSchema).min(1),
  sheets: z.array(sheetSchema),
});
export type ProcurementInput = z.input<typeof procurementInputSchema>;

/** `explanation` is the audit account; `explained` the same as code + params, for readers. */
export type ItemLine = {
  itemId: string;
  label: string;
  kind: string;
  points: string;
  explanation: string;
  explained: ScoringExplanation;
};
export type SubjectiveLine = {
  itemId: string;
  label: string;
  mean: string;
  perEvaluator: { evaluatorId: string; points: string; explanation: string; explained: ScoringExplanation }[];
};
export type BidderResult = {
  bidderId: string;
  name?: string;
  valid: boolean;
  invalidReasons: string[];
  price: string;
  evaluatedPrice: string;
  priceScore?: string;
  priceExplanation?: string;
  /** The price score's account as code + params (procurement.price, procurement.price.small-micro). */
  priceExplained?: ScoringExplanation;
  objective: ItemLine[];
  subjective: SubjectiveLine[];
  objectiveTotal?: string;
  /** Mean over evaluators of their subjective sums. */
  subjectiveTotal?: string;
  /** Each evaluator's full score for this bidder (price + objective + their subjective points). */
  evaluatorTotals: { evaluatorId: string; total: string }[];
  /** Exact total, for audit. */
  totalExact?: string;
  /** Total shown: two decimals, half up. */
  total?: string;
  rank?: number;
};
export type RankingLine = {
  rank: number;
  bidderId: string;
  total: string;
  price: string;
  decidedBy: 'score' | 'price' | 'technical' | 'unresolved';
};
export type ProcurementResult = {
  budget: string;
  basePrice: { bidderId: string; evaluatedPrice: string } | null;
  bidders: BidderResult[];
  ranking: RankingLine[];
  flags: ScoringFlag[];
  notes: string[];
};

type Parsed = z.output<typeof procurementInputSchema>;

function checkInputs(
  scheme: ProcurementScheme,
  raw: unknown,
): { problems: Problem[]; input?: Parsed; parsedItems: Map<string, unknown> } {
  const parsedItems = new Map<string, unknown>();
  const r = procurementInputSchema.safeParse(raw);
  if (!r.success) return { problems: zodProblems(r.error), parsedItems };
  const input = r.data;
  const problems: Problem[] = [];
  const budget = dec(input.budget);
  const bidIndex = new Map<string, number>();
  input.bids.forEach((b, i) => {
    const first = bidIndex.get(b.bidderId);
    if (first !== undefined)
      problems.push(
        problem(`bids[${i}].bidderId`, 'procurement.duplicateBidder', { value: b.bidderId, other: `bids[${first}]` }),
      );
    else bidIndex.set(b.bidderId, i);
    if (b.preferenceBasis && !b.smallOrMicro)
      problems.push(problem(`bids[${i}].preferenceBasis`, 'procurement.preferenceWithoutSmallMicro'));
  });
  const validBid = (b: Parsed['bids'][number]) => !b.disqualified && dec(b.price).lte(budget);
  const bidItems = scheme.items.filter((it) => procurementItemRegistry[it.kind].source === 'bid');
  const sheetItems = scheme.items.filter((it) => procurementItemRegistry[it.kind].source === 'sheet');
  input.bids.forEach((b, i) => {
    for (const key of Object.keys(b.objective)) {
      if (!bidItems.some((it) => it.id === key))
        problems.push(
          problem(formatPath(['bids', i, 'objective', key]), 'procurement.notObjectiveItem', {
            known: bidItems.map((it) => it.id),
          }),
        );
    }
    if (!validBid(b)) return; // an invalid bid is not scored, so its answers need not be complete
    for (const it of bidItems) {
      const def: AnyProcurementItemDefinition = procurementItemRegistry[it.kind];
      const v = b.objective[it.id];
      if (v === undefined) {
        problems.push(
          problem(formatPath(['bids', i, 'objective', it.id]), 'procurement.answerRequired', { label: it.label }),
        );
        continue;
      }
      const pr = def.inputSchema(it.params).safeParse(v);
      if (pr.success) parsedItems.set(`bid:${b.bidderId}:${it.id}`, pr.data);
      else problems.push(...zodProblems(pr.error, ['bids', i, 'objective', it.id]));
    }
  });
  const sheetIndex = new Map<string, number>();
  const evaluators: string[] = [];
  input.sheets.forEach((s, i) => {
    if (!evaluators.includes(s.evaluatorId)) evaluators.push(s.evaluatorId);
    const key = `${s.evaluatorId}\u0000${s.bidderId}`;
    const first = sheetIndex.get(key);
    if (first !== undefined)
      problems.push(
        problem(`sheets[${i}]`, 'procurement.duplicateSheet', {
          evaluator: s.evaluatorId,
          bidder: s.bidderId,
          other: `sheets[${first}]`,
        }),
      );
    else sheetIndex.set(key, i);
    const bi = bidIndex.get(s.bidderId);
    if (bi === undefined) {
      problems.push(problem(`sheets[${i}].bidderId`, 'procurement.noBid', { value: s.bidderId }));
      return;
    }
    for (const k of Object.keys(s.items)) {
      if (!sheetItems.some((it) => it.id === k))
        problems.push(
          problem(formatPath(['sheets', i, 'items', k]), 'procurement.notSubjectiveItem', {
            known: sheetItems.map((it) => it.id),
          }),
        );
    }
    if (!validBid(input.bids[bi])) return;
    for (const it of sheetItems) {
      const def: AnyProcurementItemDefinition = procurementItemRegistry[it.kind];
      const v = s.items[it.id];
      if (v === undefined) {
        problems.push(
          problem(formatPath(['sheets', i, 'items', it.id]), 'procurement.answerRequired', { label: it.label }),
        );
        continue;
      }
      const pr = def.inputSchema(it.params).safeParse(v);
      if (pr.success) parsedItems.set(`sheet:${s.evaluatorId}:${s.bidderId}:${it.id}`, pr.data);
      else problems.push(...zodProblems(pr.error, ['sheets', i, 'items', it.id]));
    }
  });
  // Every evaluator scores every valid bid (28.5: 各成员独立分别…逐项打分).
  if (sheetItems.length) {
    if (evaluators.length === 0 && input.bids.some(validBid)) problems.push(problem('sheets', 'procurement.noSheets'));
    for (const e of evaluators) {
      for (const b of input.bids) {
        if (validBid(b) && !sheetIndex.has(`${e}\u0000${b.bidderId}`))
          problems.push(problem('sheets', 'procurement.sheetMissing', { evaluator: e, bidder: b.bidderId }));
      }
    }
  }
  return { problems, input, parsedItems };
}

/** Every problem of a procurement input (paths `bids[2].objective.O1`, `sheets[5].items.S3.flaws`). */
export function checkProcurementInputs(
  schemeInput: ProcurementSchemeInput | ProcurementScheme,
  input: unknown,
): Problem[] {
  return checkInputs(parseProcurementScheme(schemeInput), input).problems;
}

export function validateProcurementScheme(scheme: unknown): Problem[] {
  const r = procurementSchemeSchema.safeParse(scheme);
  return r.success ? [] : zodProblems(r.error);
}

export function parseProcurementScheme(scheme: unknown): ProcurementScheme {
  const r = procurementSchemeSchema.safeParse(scheme);
  if (!r.success) throw new ValidationError(zodProblems(r.error), 'invalid procurement scheme');
  return r.data;
}

/**
 * Scores one package's bids: price (lowest valid evaluated price ÷ evaluated price × weight), objective
 * items from the bid record, subjective items as the mean over evaluators, total, and the ranking
 * (score ↓, then price ↑, then technical score ↓; L3277). Pure; throws ValidationError listing every problem.
 */
export function scoreProcurement(
  schemeInput: ProcurementSchemeInput | ProcurementScheme,
  rawInput: ProcurementInput,
): ProcurementResult {
  const scheme = parseProcurementScheme(schemeInput);
  const { problems, input, parsedItems } = checkInputs(scheme, rawInput);
  if (problems.length || !input) throw new ValidationError(problems);
  const budget = dec(input.budget);
  const flags: ScoringFlag[] = [];
  const notes: string[] = [];
  const evaluators = [...new Set(input.sheets.map((s) => s.evaluatorId))];
  const bidItems = scheme.items.filter((it) => procurementItemRegistry[it.kind].source === 'bid');
  const sheetItems = scheme.items.filter((it) => procurementItemRegistry[it.kind].source === 'sheet');

  const bidders: BidderResult[] = input.bids.map((b) => {
    const invalidReasons: string[] = [];
    const price = dec(b.price);
    // Over budget is judged on the offered price (报价超过采购预算的，响应无效), before any deduction.
    if (price.gt(budget)) invalidReasons.push(`报价 ${b.price} 超过采购预算 ${input.budget}: 响应无效 (over budget)`);
    if (b.disqualified) invalidReasons.push(b.disqualified);
    const ev = evaluatedPrice(scheme.price, price, b.smallOrMicro);
    return {
      bidderId: b.bidderId,
      ...(b.name !== undefined ? { name: b.name } : {}),
      valid: invalidReasons.length === 0,
      invalidReasons,
      price: price.toFixed(2),
      evaluatedPrice: ev.toFixed(2),
      objective: [],
      subjective: [],
      evaluatorTotals: [],
    };
  });
  const valid = bidders.filter((b) => b.valid);
  const invalidCount = bidders.length - valid.length;
  if (invalidCount) notes.push(`${invalidCount} bid(s) invalid and excluded from the base price and the ranking`);
  if (valid.length < scheme.minValidBids) {
    flags.push({
      code: 'TOO_FEW_VALID_BIDS',
      message: `${valid.length} valid bid(s), fewer than ${scheme.minValidBids}: the procurement may have to be terminated and re-run (27.6/27.7)`,
    });
  }
  let basePrice: ProcurementResult['basePrice'] = null;
  if (valid.length) {
    // Base = the lowest evaluated price among valid bids (满足磋商文件要求且报价最低的报价为评标基准价).
    const baseBidder = valid.reduce((m, b) => (dec(b.evaluatedPrice).lt(dec(m.evaluatedPrice)) ? b : m));
    basePrice = { bidderId: baseBidder.bidderId, evaluatedPrice: baseBidder.evaluatedPrice };
    const base = dec(baseBidder.evaluatedPrice);
    const deduction = dec(scheme.price.smallMicroDeduction).times(100).toString();
    for (const r of valid) {
      const src = input.bids.find((b) => b.bidderId === r.bidderId);
      if (!src) continue;
      const ev = dec(r.evaluatedPrice);
      const ps = priceScore(scheme.price, base, ev);
      const evText = src.smallOrMicro
        ? `${r.price} × (1 − ${deduction} %) = ${r.evaluatedPrice} (小微企业${src.preferenceBasis && src.preferenceBasis !== 'small-micro' ? `, ${src.preferenceBasis}` : ''})`
        : r.evaluatedPrice;
      r.priceScore = ps.toString();
      r.priceExplanation = `价格得分 = 评标基准价 ${baseBidder.evaluatedPrice} ÷ ${evText} × ${scheme.price.weight} = ${toFixed2(ps)}`;
      const figures = {
        base: baseBidder.evaluatedPrice,
        evaluated: r.evaluatedPrice,
        weight: scheme.price.weight,
        score: ps.toString(),
      };
      r.priceExplained = src.smallOrMicro
        ? explain('procurement.price.small-micro', {
            ...figures,
            price: r.price,
            deduction,
            preference: src.preferenceBasis ?? 'small-micro',
          })
        : explain('procurement.price', figures);
      let objective = new Decimal(0);
      for (const it of bidItems) {
        const def: AnyProcurementItemDefinition = procurementItemRegistry[it.kind];
        const s = def.evaluate(it.params, parsedItems.get(`bid:${r.bidderId}:${it.id}`));
        objective = objective.plus(dec(s.points));
        r.objective.push({
          itemId: it.id,
          label: it.label,
          kind: it.kind,
          points: s.points,
          explanation: s.explanation,
          explained: s.explained,
        });
      }
      const perEvaluatorSubjective = new Map<string, Decimal>(evaluators.map((e) => [e, new Decimal(0)]));
      for (const it of sheetItems) {
        const def: AnyProcurementItemDefinition = procurementItemRegistry[it.kind];
        const per = evaluators.map((e) => {
          const s = def.evaluate(it.params, parsedItems.get(`sheet:${e}:${r.bidderId}:${it.id}`));
          perEvaluatorSubjective.set(e, (perEvaluatorSubjective.get(e) ?? new Decimal(0)).plus(dec(s.points)));
          return { evaluatorId: e, points: s.points, explanation: s.explanation, explained: s.explained };
        });
        const mean = per.reduce((a, p) => a.plus(dec(p.points)), new Decimal(0)).div(Math.max(per.length, 1));
        r.subjective.push({ itemId: it.id, label: it.label, mean: mean.toString(), perEvaluator: per });
      }
      // Mean over evaluators of each one's sum (L3273); the mean is linear, so Σ item means is the same.
      const subjective = evaluators.length
        ? [...perEvaluatorSubjective.values()].reduce((a, v) => a.plus(v), new Decimal(0)).div(evaluators.length)
        : new Decimal(0);
      const common = ps.plus(objective);
      r.evaluatorTotals = evaluators.map((e) => ({
        evaluatorId: e,
        total: toFixed2(common.plus(perEvaluatorSubjective.get(e) ?? 0)),
      }));
      r.objectiveTotal = objective.toString();
      r.subjectiveTotal = subjective.toString();
      const total = common.plus(subjective);
      r.totalExact = total.toString();
      r.total = toFixed2(total);
    }
  }
  const ranking = rank(scheme, valid, flags, notes);
  for (const line of ranking) {
    const b = bidders.find((x) => x.bidderId === line.bidderId);
    if (b) b.rank = line.rank;
  }
  return { budget: budget.toFixed(2), basePrice, bidders, ranking, flags, notes };
}

function rank(scheme: ProcurementScheme, valid: BidderResult[], flags: ScoringFlag[], notes: string[]): RankingLine[] {
  const score = (b: BidderResult) =>
    scheme.ranking.scoreBasis === 'rounded' ? dec(b.total ?? '0') : dec(b.totalExact ?? '0');
  const price = (b: BidderResult) => dec(scheme.ranking.tiePrice === 'bid' ? b.price : b.evaluatedPrice);
  const technical = (b: BidderResult) => dec(b.objectiveTotal ?? '0').plus(dec(b.subjectiveTotal ?? '0'));
  const sorted = [...valid].sort(
    (a, b) => score(b).cmp(score(a)) || price(a).cmp(price(b)) || technical(b).cmp(technical(a)),
  );
  const lines: RankingLine[] = [];
  sorted.forEach((b, i) => {
    const prev = sorted[i - 1];
    const next = sorted[i + 1];
    const decided = (o: BidderResult | undefined): RankingLine['decidedBy'] => {
      if (!o || !score(o).eq(score(b))) return 'score';
      if (!price(o).eq(price(b))) return 'price';
      return technical(o).eq(technical(b)) ? 'unresolved' : 'technical';
    };
    // How this bidder is separated from its neighbours: the finest tie-break needed on either side.
    const order = ['score', 'price', 'technical', 'unresolved'] as const;
    const d = [decided(prev), decided(next)].sort((x, y) => order.indexOf(y) - order.indexOf(x))[0];
    const rankNo = prev && decided(prev) === 'unresolved' ? lines[i - 1].rank : i + 1;
    lines.push({
      rank: rankNo,
      bidderId: b.bidderId,
      total: b.total ?? '0.00',
      price: price(b).toFixed(2),
      decidedBy: d,
    });
  });
  if (lines.some((l) => l.decidedBy === 'technical')) {
    notes.push(
      'a tie on score and price was broken by the technical score (objective + subjective) as the measure of 技术指标优劣 (L3277); the panel should confirm',
    );
  }
  const unresolved = lines.filter((l) => l.decidedBy === 'unresolved').map((l) => l.bidderId);
  if (unresolved.length) {
    flags.push({
      code: 'TIE_UNRESOLVED',
      message: `equal score, price and technical score: ${unresolved.join(', ')} share a rank; the panel decides (按技术指标优劣)`,
    });
  }
  return lines;
}
