import { dec, problem, toFixed2, type Decimal, type Problem } from '@ledger/kernel';
import type { ParsedConfig } from '../config/contract-config.schema';
import { periodsInTerm } from '../config/periods';
import { explain, type Explanation } from '../explain/explanation';

/*
 * Free-work allowances (domain rule 15): Xuzhou 9 person-months of local development a year (000:16), Huai'an 5
 * person-months over the term (001:331), Tianjin P1 3 person-months (004:1094), Qinghai 10 working days per request
 * (002:150). Logged work on change / new-requirement requests consumes them; the usage shows used and remaining, warns
 * at 80 % and at 100 %, and lists the work beyond the allowance for negotiation — never money by itself.
 */

type Allowance = ParsedConfig['staffing']['allowances'][number];

/** Work logged against an allowance, in the allowance's unit (person-months or working days). */
export type AllowanceWork = {
  id: string;
  allowanceId: string;
  /** The day the work was done (or finished): it picks the allowance's year. */
  workedOn: string;
  /** Decimal text, above zero. */
  amount: string;
  /** The request (ticket) the work was for; required by a per-request allowance. */
  ticketId?: string | null;
  /** The request's number as people read it (联系单号), for the scope of a per-request allowance. */
  ticketNumber?: string | null;
};

/** ok below 80 %, warning from 80 %, exhausted at exactly 100 %, beyond above it. */
export type AllowanceLevel = 'ok' | 'warning' | 'exhausted' | 'beyond';

export type AllowanceUsage = {
  allowanceId: string;
  description: string;
  unit: Allowance['unit'];
  per: Allowance['per'];
  /** The scope the amount applies to: `term`, a year (`2026`) or a request (`request-<ticket number or id>`). */
  scope: string;
  /** The scope's dates (a request's: null). */
  from: string | null;
  to: string | null;
  amount: string;
  used: string;
  remaining: string;
  /** used ÷ amount × 100, two decimals, half up (null for an allowance of 0). */
  percent: string | null;
  level: AllowanceLevel;
  /** Work beyond the allowance (0.00 when within it): for negotiation, not billed by the system. */
  beyond: string;
  /** The work entries (ids) that went beyond, with the part of each beyond the allowance. */
  beyondEntries: { id: string; amount: string }[];
  /** The thresholds reached (80, 100), for the warnings. */
  reached: (80 | 100)[];
  explained: Explanation;
};

function levelOf(used: Decimal, amount: Decimal): AllowanceLevel {
  if (amount.isZero()) return used.isZero() ? 'ok' : 'beyond';
  if (used.gt(amount)) return 'beyond';
  if (used.eq(amount)) return 'exhausted';
  return used.mul(100).gte(amount.mul(80)) ? 'warning' : 'ok';
}

type Scope = { id: string; from: string | null; to: string | null; work: AllowanceWork[] };

function scopesOf(a: Allowance, config: Pick<ParsedConfig, 'term'>, work: readonly AllowanceWork[]): Scope[] {
  const { term } = config;
  if (a.per === 'term') return [{ id: 'term', from: term.start, to: term.end, work: [...work] }];
  if (a.per === 'year')
    return periodsInTerm('year', term.start, term.end).map((p) => ({
      id: p.id,
      from: p.start,
      to: p.end,
      work: work.filter((w) => w.workedOn >= p.start && w.workedOn <= p.end),
    }));
  // Per request: one scope per request that has work (a request without work uses nothing).
  const byRequest = new Map<string, AllowanceWork[]>();
  for (const w of work) {
    const key = `request-${w.ticketNumber ?? w.ticketId ?? w.id}`;
    const list = byRequest.get(key) ?? [];
    if (!byRequest.has(key)) byRequest.set(key, list);
    list.push(w);
  }
  return [...byRequest].map(([id, list]) => ({ id, from: null, to: null, work: list }));
}

/**
 * The usage of every allowance of the configuration, per scope (the term, each year, each request with work), from
 * the logged work in the order given (the order it was logged: the entry that crosses the allowance is the one
 * beyond it). Work of an allowance the configuration no longer has is ignored.
 */
export function allowanceUsage(
  config: Pick<ParsedConfig, 'staffing' | 'term'>,
  work: readonly AllowanceWork[],
): AllowanceUsage[] {
  const out: AllowanceUsage[] = [];
  for (const a of config.staffing.allowances) {
    const amount = dec(a.amount);
    for (const scope of scopesOf(
      a,
      config,
      work.filter((w) => w.allowanceId === a.id),
    )) {
      let used = dec(0);
      const beyondEntries: { id: string; amount: string }[] = [];
      for (const w of scope.work) {
        const before = used;
        used = used.add(dec(w.amount));
        if (used.gt(amount)) {
          const over = used.sub(before.gt(amount) ? before : amount);
          beyondEntries.push({ id: w.id, amount: toFixed2(over) });
        }
      }
      const level = levelOf(used, amount);
      const percent = amount.isZero() ? null : toFixed2(used.mul(100).div(amount));
      const beyond = used.gt(amount) ? used.sub(amount) : dec(0);
      const remaining = used.gt(amount) ? dec(0) : amount.sub(used);
      const reached: (80 | 100)[] = [];
      if (!amount.isZero() && used.mul(100).gte(amount.mul(80))) reached.push(80);
      if (!amount.isZero() && used.gte(amount)) reached.push(100);
      out.push({
        allowanceId: a.id,
        description: a.description,
        unit: a.unit,
        per: a.per,
        scope: scope.id,
        from: scope.from,
        to: scope.to,
        amount: toFixed2(amount),
        used: toFixed2(used),
        remaining: toFixed2(remaining),
        percent,
        level,
        beyond: toFixed2(beyond),
        beyondEntries,
        reached,
        explained: explain('allowance.usage', {
          description: a.description,
          scope: scope.id === 'term' ? undefined : scope.id.replace(/^request-/, ''),
          used: toFixed2(used),
          amount: toFixed2(amount),
          unit: a.unit,
          percent: percent ?? undefined,
          remaining: beyond.isZero() ? toFixed2(remaining) : undefined,
          beyond: beyond.isZero() ? undefined : toFixed2(beyond),
          level,
        }),
      });
    }
  }
  return out;
}

/**
 * The problems of a work entry before it is logged: an unknown allowance, an amount not above zero, a day outside the
 * term or in a confirmed (closed) period, a per-request allowance without its request. Paths are under `prefix`.
 */
export function allowanceWorkProblems(
  config: Pick<ParsedConfig, 'staffing' | 'term'>,
  entry: Pick<AllowanceWork, 'allowanceId' | 'workedOn' | 'amount' | 'ticketId'>,
  closed: readonly { period: string; start: string; end: string }[],
  prefix = 'input',
): Problem[] {
  const problems: Problem[] = [];
  const a = config.staffing.allowances.find((x) => x.id === entry.allowanceId);
  if (!a)
    problems.push(
      problem(`${prefix}.allowanceId`, 'unknown.allowance', {
        value: entry.allowanceId,
        known: config.staffing.allowances.map((x) => x.id),
      }),
    );
  if (!/^-?\d+(\.\d+)?$/.test(entry.amount) || !dec(entry.amount).gt(0))
    problems.push(problem(`${prefix}.amount`, 'number.positive', { value: entry.amount }));
  else if (dec(entry.amount).decimalPlaces() > 2)
    problems.push(problem(`${prefix}.amount`, 'number.maxDecimals', { value: entry.amount, max: 2 }));
  const { start, end } = config.term;
  if (entry.workedOn < start || entry.workedOn > end)
    problems.push(problem(`${prefix}.workedOn`, 'date.outsideTerm', { value: entry.workedOn, start, end }));
  const inClosed = closed.find((c) => entry.workedOn >= c.start && entry.workedOn <= c.end);
  if (inClosed)
    problems.push(
      problem(`${prefix}.workedOn`, 'allowance.periodClosed', { value: entry.workedOn, period: inClosed.period }),
    );
  if (a?.per === 'request' && !entry.ticketId)
    problems.push(problem(`${prefix}.ticketId`, 'allowance.requestRequired', { description: a.description }));
  return problems;
}
