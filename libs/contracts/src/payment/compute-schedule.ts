import { dec, prefixProblems, ValidationError, zodProblems, type Decimal } from '@ledger/kernel';
import { parseContractConfig } from '../config/validate-contract-config';
import type { ParsedConfig } from '../config/contract-config.schema';
import { localDateSchema } from '../config/common.schema';
import { yearFees as computeYearFees } from '../config/year-fees';
import { addMonths } from '../dates';
import { toFen } from '../money';
import { explain, type Explanation } from '../explain/explanation';
import { evaluateCondition } from './conditions/registry';
import { resolveDueDate } from './due-date';
import { paymentFactsSchema, type PaymentFacts } from './facts.schema';
import { planLines } from './plan';
import { deductionRuleOf } from './registry';
import type { DeductionHit, ResolvedLine } from './rule-kit';
import type { LineStatus, Schedule, ScheduleDeduction, ScheduleLine } from './schedule.types';

export type ScheduleOptions = { asOf: string };

type Hit = DeductionHit & { ruleId: string; kind: string; label?: string; superseded?: boolean };

/**
 * The payment schedule of a contract as of a date: every line the milestones plan, its deductions with
 * their formulas, its due date and status. Pure: the same configuration, facts and `asOf` always give the
 * same schedule. Throws a ValidationError (every problem, with paths) for an invalid configuration or facts.
 *
 * Order of computation: plan gross lines (rounded once each, splits exact) → resolve due dates → apply every
 * deduction rule (each rounds its own amount once, caps applied to the rounded figures) → exclusive groups →
 * conditions → statuses → carry what a line cannot absorb to the next payable line; the rest is owed by
 * the vendor (rule 12).
 */
export function computeSchedule(configInput: unknown, factsInput: unknown, options: ScheduleOptions): Schedule {
  const config = parseContractConfig(configInput);
  const { facts, asOf } = parseFactsAndAsOf(factsInput, options.asOf);
  return computeParsed(config, facts, asOf);
}

/** Facts and the as-of date together, so one call reports the problems of both. */
export function parseFactsAndAsOf(factsInput: unknown, asOfInput: string): { facts: PaymentFacts; asOf: string } {
  const facts = paymentFactsSchema.safeParse(factsInput ?? {});
  const asOf = localDateSchema.safeParse(asOfInput);
  if (facts.success && asOf.success) return { facts: facts.data, asOf: asOf.data };
  const problems = [
    ...(facts.success ? [] : prefixProblems('facts', zodProblems(facts.error))),
    ...(asOf.success ? [] : prefixProblems('asOf', zodProblems(asOf.error))),
  ];
  throw new ValidationError(problems, `${problems.length} problem(s) in the payment facts or the as-of date`);
}

export function parseFacts(input: unknown): PaymentFacts {
  const r = paymentFactsSchema.safeParse(input ?? {});
  if (!r.success)
    throw new ValidationError(prefixProblems('facts', zodProblems(r.error)), 'the payment facts are invalid');
  return r.data;
}

/** The engine proper, over an already parsed configuration and facts. */
export function computeParsed(config: ParsedConfig, facts: PaymentFacts, asOf: string): Schedule {
  const notes: Explanation[] = [];
  const fees = computeYearFees(config.money.amount, config.term, config.money.annualSplit);
  const planned = planLines(config.payment, {
    amount: config.money.amount,
    term: config.term,
    assessment: config.assessment,
    yearFees: fees,
  });
  if (planned.length === 0) notes.push(explain('payment.note.no-milestones'));

  const dueReasons = new Map<string, Explanation>();
  const lines: ResolvedLine[] = planned.map((l) => {
    const due = resolveDueDate(l.due, l, config, facts);
    dueReasons.set(l.id, due.reason);
    return { ...l, dueDate: due.date };
  });

  // Deductions, rule by rule, against the target milestones' lines.
  const hits: Hit[] = [];
  for (const d of config.payment.deductions) {
    const targets = d.target ? lines.filter((l) => d.target?.includes(l.milestoneId)) : lines;
    const rule = deductionRuleOf(d.kind);
    const produced = rule.apply(d.params, {
      config,
      facts,
      asOf,
      yearFees: fees,
      ruleId: d.id,
      lines: targets,
      allLines: lines,
    });
    for (const h of produced) hits.push({ ...h, ruleId: d.id, kind: d.kind, label: d.label });
  }
  applyExclusiveGroups(hits, config);

  // Lines a confirmed close accounted for (domain rule 11): the rules it computed there keep its figures and its
  // close lines' keys; only rules that did not reach the line then (an acceptance clawback, an adjustment) apply live.
  const settled = new Map(facts.settled.map((s) => [s.lineId, s.deductions]));

  const paidBy = new Map<string, Decimal>();
  for (const p of facts.payments) paidBy.set(p.lineId, (paidBy.get(p.lineId) ?? dec(0)).plus(dec(p.amount)));
  const known = new Set(lines.map((l) => l.id));
  for (const p of facts.payments) {
    if (!known.has(p.lineId))
      notes.push(
        explain('payment.note.unknown-line', {
          amount: toFen(p.amount).toFixed(2),
          paidOn: p.paidOn,
          lineId: p.lineId,
        }),
      );
  }

  // Per line: deductions, conditions, due date (with delays), status.
  const out: (ScheduleLine & {
    _gross: Decimal;
    _own: Decimal;
    _paid: Decimal;
    _entries: { entry: ScheduleDeduction; value: Decimal }[];
  })[] = lines.map((l) => {
    const mine = hits.filter((h) => h.lineId === l.id);
    const reasons: Explanation[] = [l.basis];
    const kept = settled.get(l.id) ?? [];
    const frozen = new Set(kept.map((d) => d.ruleId));
    const entries = [
      ...kept.map((d) => ({
        entry: {
          ruleId: d.ruleId,
          kind: d.kind,
          ...(d.label ? { label: d.label } : {}),
          basis: d.basis,
          formula: d.formula,
          amount: toFen(dec(d.amount)).toFixed(2),
          ...(d.key ? { closeLineKey: d.key } : {}),
        },
        value: toFen(dec(d.amount)),
      })),
      ...mine
        .filter((h) => !frozen.has(h.ruleId))
        .map((h) => ({
          entry: {
            ruleId: h.ruleId,
            kind: h.kind,
            ...(h.label ? { label: h.label } : {}),
            basis: h.basis,
            formula: h.superseded
              ? { code: h.formula.code, params: { ...h.formula.params, superseded: 'true' } }
              : h.formula,
            amount: (h.superseded ? dec(0) : h.amount).toFixed(2),
            ...(h.closeLineKey ? { closeLineKey: h.closeLineKey } : {}),
          },
          value: h.superseded ? dec(0) : h.amount,
        })),
    ];
    const own = entries.reduce((a, e) => a.plus(e.value), dec(0));
    // Forfeiture and delays are no deduction amounts (a close stores none of them): every rule's live hits decide them.
    const forfeited = mine.some((h) => h.forfeit && !h.superseded);
    const delay = mine.reduce((m, h) => (!h.superseded && h.delayMonths && h.delayMonths > m ? h.delayMonths : m), 0);

    let dueDate = l.dueDate;
    const dueReason = dueReasons.get(l.id);
    if (dueReason) reasons.push(dueReason);
    if (dueDate && delay > 0) {
      dueDate = addMonths(dueDate, delay);
      reasons.push(explain('payment.reason.delayed', { months: delay, date: dueDate }));
    }
    const net = dec(l.gross).minus(own);
    const outcomes = l.conditions.map((c) => evaluateCondition(c, { line: l, payable: net, facts, config, asOf }));
    outcomes.forEach((o) => reasons.push(o.reason));
    const paid = paidBy.get(l.id) ?? dec(0);

    let status: LineStatus;
    if (forfeited) status = 'forfeited';
    else if (paid.gt(0) && paid.gte(net)) status = 'paid';
    else if (outcomes.some((o) => o.state === 'failed')) status = 'withheld';
    else if (outcomes.every((o) => o.state === 'met') && dueDate !== null && dueDate <= asOf) status = 'due';
    else status = 'scheduled';
    if (status === 'withheld') reasons.push(explain('payment.reason.withheld', { net: net.toFixed(2) }));
    if (paid.gt(0) && status !== 'paid') reasons.push(explain('payment.reason.paid-so-far', { paid: paid.toFixed(2) }));

    return {
      id: l.id,
      milestoneId: l.milestoneId,
      label: l.label,
      basis: l.basis,
      year: l.context.year,
      ...(l.context.periodId ? { period: l.context.periodId } : {}),
      gross: l.gross.toFixed(2),
      deductions: entries.map((e) => e.entry),
      deductionTotal: own.toFixed(2),
      net: net.toFixed(2),
      paid: paid.toFixed(2),
      dueDate,
      status,
      reasons,
      _gross: l.gross,
      _own: own,
      _paid: paid,
      _entries: entries,
    };
  });

  // Rule 12: what a line cannot absorb (beyond its gross, or beyond what was still unpaid on it when the deduction
  // came) is set off against what is still payable: first the lines after it, then (latest first) earlier lines not
  // yet paid; forfeited, withheld and paid lines take nothing. What nothing can absorb is owed by the vendor.
  let carry = dec(0);
  const carrySources: string[] = [];
  const room = (line: (typeof out)[number]): Decimal => {
    if (line.status === 'forfeited' || line.status === 'paid' || line.status === 'withheld') return dec(0);
    const taken = line._entries.reduce((a, e) => a.plus(e.value), dec(0));
    const r = line._gross.minus(taken).minus(line._paid);
    return r.isNegative() ? dec(0) : r;
  };
  const absorb = (line: (typeof out)[number]): void => {
    const take = Decimal_min(room(line), carry);
    if (!take.gt(0)) return;
    line._entries.push({
      entry: {
        ruleId: 'carry',
        kind: 'carried-forward',
        basis: { from: carrySources.join(', ') },
        // The explanation names the source lines by their labels (what people read), the basis by their ids.
        formula: explain('payment.deduction.carried', {
          from: out
            .filter((l) => carrySources.includes(l.id))
            .map((l) => l.label)
            .join('、'),
          amount: take.toFixed(2),
        }),
        amount: take.toFixed(2),
      },
      value: take,
    });
    carry = carry.minus(take);
  };
  for (const line of out) {
    // A payment already made leaves only the unpaid rest of the line to take deductions (example F: a year's score
    // deduction assessed after both of that year's lines were paid is set off against the final line). A forfeited
    // line is void as a whole: what was paid on it is owed back (a clawback), not set off.
    const unpaid = line.status === 'forfeited' ? line._gross : maxZero(line._gross.minus(line._paid));
    const excess = line._own.minus(unpaid);
    if (excess.gt(0)) {
      const afterPayment = line._paid.gt(0) && line._own.lte(line._gross);
      line._entries.push({
        entry: {
          ruleId: 'carry',
          kind: 'carried-forward',
          basis: { excess: excess.toFixed(2) },
          formula: afterPayment
            ? explain('payment.deduction.set-off-paid', {
                own: line._own.toFixed(2),
                paid: line._paid.toFixed(2),
                excess: excess.toFixed(2),
              })
            : explain('payment.deduction.excess', {
                own: line._own.toFixed(2),
                gross: line._gross.toFixed(2),
                excess: excess.toFixed(2),
              }),
          amount: excess.negated().toFixed(2),
        },
        value: excess.negated(),
      });
      carry = carry.plus(excess);
      carrySources.push(line.id);
    } else if (carry.gt(0)) {
      absorb(line);
    }
  }
  for (let i = out.length - 1; i >= 0 && carry.gt(0); i--) if (!carrySources.includes(out[i].id)) absorb(out[i]);

  let owed = dec(0);
  for (const line of out) {
    const total = line._entries.reduce((a, e) => a.plus(e.value), dec(0));
    const net = line._gross.minus(total);
    line.deductions = line._entries.map((e) => e.entry);
    line.deductionTotal = total.toFixed(2);
    line.net = net.toFixed(2);
    if (line.status === 'paid' && line._paid.lt(net)) line.status = 'due';
    // Paid more than the line now nets (deductions arrived after payment, or a clawback): the difference is owed back.
    if (line._paid.gt(net)) {
      const back = line._paid.minus(net);
      owed = owed.plus(back);
      line.reasons.push(
        explain('payment.reason.owed-back', {
          paid: line._paid.toFixed(2),
          net: net.toFixed(2),
          back: back.toFixed(2),
        }),
      );
    }
  }
  if (carry.gt(0)) {
    owed = owed.plus(carry);
    notes.push(explain('payment.note.vendor-owes', { amount: carry.toFixed(2) }));
  }

  const sum = (f: (l: (typeof out)[number]) => Decimal): Decimal => out.reduce((a, l) => a.plus(f(l)), dec(0));
  const paidTotal = facts.payments.reduce((a, p) => a.plus(dec(p.amount)), dec(0));
  const lines_: ScheduleLine[] = out.map(({ _gross, _own, _paid, _entries, ...rest }) => rest);
  return {
    ...(config.version !== undefined ? { configVersion: config.version } : {}),
    asOf,
    lines: lines_,
    totals: {
      gross: sum((l) => l._gross).toFixed(2),
      deductions: sum((l) => dec(l.deductionTotal)).toFixed(2),
      net: sum((l) => dec(l.net)).toFixed(2),
      paid: paidTotal.toFixed(2),
      withheld: sum((l) => (l.status === 'withheld' ? dec(l.net) : dec(0))).toFixed(2),
      outstanding: sum((l) =>
        l.status === 'due' || l.status === 'scheduled' ? maxZero(dec(l.net).minus(l._paid)) : dec(0),
      ).toFixed(2),
    },
    vendorBalanceOwed: owed.toFixed(2),
    notes,
  };
}

const maxZero = (d: Decimal): Decimal => (d.isNegative() ? dec(0) : d);
const Decimal_min = (a: Decimal, b: Decimal): Decimal => (a.lt(b) ? a : b);

/** Rules sharing an exclusive group are alternatives on a line: only the largest counts (the first on a tie). */
function applyExclusiveGroups(hits: Hit[], config: ParsedConfig): void {
  const groupOf = new Map(
    config.payment.deductions.filter((d) => d.exclusiveGroup).map((d) => [d.id, d.exclusiveGroup as string]),
  );
  const best = new Map<string, Hit>();
  for (const h of hits) {
    const g = groupOf.get(h.ruleId);
    if (!g) continue;
    const key = `${h.lineId}\u0000${g}`;
    const cur = best.get(key);
    if (!cur || h.amount.gt(cur.amount)) {
      if (cur) cur.superseded = true;
      best.set(key, h);
    } else {
      h.superseded = true;
    }
  }
}
