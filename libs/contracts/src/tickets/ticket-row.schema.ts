import { formatPath, prefixProblems, problem, problemIssue, zodProblems, type Problem } from '@ledger/kernel';
import { fixedOffsetMinutes, formatInstant } from '@ledger/sla';
import { z } from 'zod';
import type { ParsedConfig } from '../config/contract-config.schema';
import { ticketFieldProblems, timeZoneOf } from './lifecycle';
import { futureTimeProblem, submissionTimeProblems } from './ticket-time.rule';
import type { LifecycleEvent, Ticket, TicketState } from './ticket.types';

/*
 * One imported ticket row: strings keyed by column header, Chinese or English. CSV/XLSX parsing is the API's
 * job; this file turns rows of strings into tickets or reports every problem of every row.
 */

/** Column header → field. Headers are matched after trimming; English aliases case-insensitively. */
export const TICKET_ROW_COLUMNS = {
  id: ['编号', '联系单编号', 'id'],
  title: ['标题', '问题描述', 'title'],
  category: ['问题分类', '分类', 'category'],
  businessArea: ['业务领域', '业务分类', 'businessArea'],
  severity: ['严重程度', '级别', 'severity'],
  specialAttention: ['特别关注', 'specialAttention'],
  expectedCloseDate: ['期望完成日期', '期望关闭日期', 'expectedCloseDate'],
  extendedTo: ['顺延至', '顺延日期', 'extendedTo'],
  submittedAt: ['提出时间', 'submittedAt'],
  effectiveAt: ['生效时间', 'effectiveAt'],
  receivedAt: ['签收时间', '接收时间', 'receivedAt'],
  feedbackAt: ['反馈时间', 'feedbackAt'],
  deployedAt: ['上线时间', '补丁更新时间', 'deployedAt'],
  closedAt: ['关闭时间', 'closedAt'],
} as const;
export type TicketRowField = keyof typeof TICKET_ROW_COLUMNS;

const YES = ['是', 'y', 'yes', 'true', '1'];
const NO = ['否', 'n', 'no', 'false', '0', ''];

/** `2026-03-05`, `2026/3/5` → `2026-03-05`, else null (checked to exist). */
export function normaliseDate(s: string): string | null {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * A local date-time in the contract's zone (`2026-03-05 14:30`, `2026/3/5 14:30:00`, `2026-03-05T14:30`) or an
 * ISO instant with an offset → ISO with the zone's offset; null when it is neither.
 */
export function normaliseInstant(s: string, timeZone: string): string | null {
  const text = s.trim();
  const offset = fixedOffsetMinutes(timeZone);
  if (offset === undefined) return null;
  const withOffset = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.exec(text);
  if (withOffset) {
    const ms = Date.parse(text);
    return Number.isNaN(ms) || normaliseDate(withOffset[1]) === null ? null : formatInstant(ms, timeZone);
  }
  const m = /^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (!m) return null;
  const date = normaliseDate(m[1]);
  const [h, mi, sec] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
  if (date === null || h > 23 || mi > 59 || sec > 59) return null;
  const [y, mo, d] = date.split('-').map(Number);
  return formatInstant(Date.UTC(y, mo - 1, d, h, mi, sec) - offset * 60_000, timeZone);
}

/**
 * Structural schema of one row after its headers are mapped to fields (all strings, as imported; an empty cell is
 * absent). The required fields are checked with their own codes below (a missing key never reaches a zod refinement).
 */
export const ticketRowSchema = z.strictObject({
  id: z.string().optional(),
  title: z.string().optional(),
  category: z.string().optional(),
  businessArea: z.string().optional(),
  severity: z.string().optional(),
  specialAttention: z
    .string()
    .optional()
    .refine((v) => v === undefined || [...YES, ...NO].includes(v.trim().toLowerCase()), problemIssue('text.yesNo')),
  expectedCloseDate: z
    .string()
    .optional()
    .refine((v) => v === undefined || v.trim() === '' || normaliseDate(v) !== null, problemIssue('date.format')),
  extendedTo: z
    .string()
    .optional()
    .refine((v) => v === undefined || v.trim() === '' || normaliseDate(v) !== null, problemIssue('date.format')),
  submittedAt: z.string().optional(),
  effectiveAt: z.string().optional(),
  receivedAt: z.string().optional(),
  feedbackAt: z.string().optional(),
  deployedAt: z.string().optional(),
  closedAt: z.string().optional(),
});
export type TicketRow = z.infer<typeof ticketRowSchema>;

/** `tickets`: the rows without problems (so a caller can preview them); `ok` only when no row has a problem. */
export type TicketRowsResult = { ok: boolean; tickets: Ticket[]; problems: Problem[] };

export type TicketRowsOptions = {
  /** Ids already in the ledger: a row with one of them is a duplicate too. */
  existingIds?: readonly string[];
  /** The time of the import (ms): no timeline time may lie after it (`futureTimeProblem`, as for createTicket). */
  now: number;
  /** Row paths start here (`rows[offset + i]`): a file validated a chunk at a time keeps its row numbers. */
  offset?: number;
  /** What earlier chunks of the same file have seen (ids and their rows, unknown columns reported): updated here. */
  state?: TicketRowsState;
};

/** The memory of a file validated a chunk at a time: duplicate ids across chunks, unknown columns reported once. */
export type TicketRowsState = { seen: Map<string, number>; unknownReported: Set<string> };
export const newTicketRowsState = (): TicketRowsState => ({ seen: new Map(), unknownReported: new Set() });

const HEADER_INDEX: ReadonlyMap<string, TicketRowField> = new Map(
  (Object.entries(TICKET_ROW_COLUMNS) as [TicketRowField, readonly string[]][]).flatMap(([field, names]) =>
    names.map((n) => [n.toLowerCase(), field] as const),
  ),
);

const TIMELINE: readonly {
  field: TicketRowField;
  kind: LifecycleEvent['kind'];
  actor: 'buyer' | 'vendor';
  state: TicketState;
}[] = [
  { field: 'submittedAt', kind: 'submitted', actor: 'buyer', state: 'submitted' },
  { field: 'effectiveAt', kind: 'effective', actor: 'buyer', state: 'effective' },
  { field: 'receivedAt', kind: 'received', actor: 'vendor', state: 'received' },
  { field: 'feedbackAt', kind: 'feedback', actor: 'vendor', state: 'feedback' },
  { field: 'deployedAt', kind: 'deployed', actor: 'vendor', state: 'deployed' },
  { field: 'closedAt', kind: 'closed', actor: 'buyer', state: 'closed' },
];

/**
 * Validate imported rows against the contract: every problem of every row, with paths `rows[3].severity`
 * (row index from 0, in the order given; the API adds its own header-line offset when it shows them).
 * Checks: unknown or repeated columns, required fields, 是/否, dates and times, category / business area /
 * severity of this contract, special attention without an expected date, extensions, duplicate ids within the
 * file (and against `existingIds`), and the order of the timeline (提出 ≤ 生效 ≤ 签收 ≤ 反馈 ≤ 上线 ≤ 关闭;
 * a later step needs the earlier ones: an effective time needs nothing else, a receipt needs the effective time
 * — a historical ticket was effective when received, so a missing 生效时间 is taken as the receipt time;
 * 关闭 needs 上线, 000:67). The state of an imported ticket is its latest step.
 */
export function validateTicketRows(
  rows: readonly Record<string, string>[],
  config: Pick<ParsedConfig, 'taxonomy' | 'sla' | 'calendar' | 'term'>,
  options: TicketRowsOptions,
): TicketRowsResult {
  const problems: Problem[] = [];
  const tickets: Ticket[] = [];
  const zone = timeZoneOf(config);
  const state = options.state ?? newTicketRowsState();
  const seen = state.seen;
  const offset = options.offset ?? 0;
  const existing = new Set(options.existingIds ?? []);
  const unknownReported = state.unknownReported;

  rows.forEach((raw, k) => {
    const i = offset + k;
    const rowPath = formatPath(['rows', i]);
    const rowProblems: Problem[] = [];
    const mapped: Partial<Record<TicketRowField, string>> = {};
    const from: Partial<Record<TicketRowField, string>> = {};
    for (const [header, value] of Object.entries(raw)) {
      const field = HEADER_INDEX.get(header.trim().toLowerCase());
      if (!field) {
        if (!unknownReported.has(header))
          rowProblems.push(
            problem(formatPath(['rows', i, header]), 'unknown.column', {
              value: header,
              known: Object.values(TICKET_ROW_COLUMNS).map((n) => n.join('/')),
            }),
          );
        unknownReported.add(header);
        continue;
      }
      if (from[field] !== undefined) {
        rowProblems.push(
          problem(formatPath(['rows', i, field]), 'import.columnTwice', { first: from[field], second: header }),
        );
        continue;
      }
      from[field] = header;
      // Empty cells are absent values.
      if (typeof value === 'string' && value.trim() !== '') mapped[field] = value.trim();
      else if (typeof value !== 'string' && value !== undefined && value !== null)
        rowProblems.push(problem(formatPath(['rows', i, field]), 'text.notText'));
    }
    // Structural problems first; the semantic checks below then run on the fields that passed, so a row with a
    // bad date still reports its unknown severity.
    const parsed = ticketRowSchema.safeParse(mapped);
    const bad = new Set<string>();
    if (!parsed.success) {
      rowProblems.push(...zodProblems(parsed.error, ['rows', i]));
      for (const issue of parsed.error.issues) bad.add(String(issue.path[0]));
    }
    const r: Partial<TicketRow> = parsed.success
      ? parsed.data
      : Object.fromEntries(Object.entries(mapped).filter(([k]) => !bad.has(k)));
    const specialAttention = r.specialAttention !== undefined && YES.includes(r.specialAttention.toLowerCase());
    const draft = {
      id: r.id ?? '',
      category: r.category ?? '',
      severity: r.severity ?? '',
      specialAttention,
      ...(r.title ? { title: r.title } : {}),
      ...(r.businessArea ? { businessArea: r.businessArea } : {}),
      ...(r.expectedCloseDate ? { expectedCloseDate: normaliseDate(r.expectedCloseDate) as string } : {}),
      ...(r.extendedTo ? { extendedTo: normaliseDate(r.extendedTo) as string } : {}),
    };
    rowProblems.push(
      ...prefixProblems(
        rowPath,
        ticketFieldProblems(draft, config).filter((p) => !bad.has(p.path)),
      ),
    );
    if (r.submittedAt === undefined && !bad.has('submittedAt'))
      rowProblems.push(problem(formatPath(['rows', i, 'submittedAt']), 'ticket.submittedAtRequired'));

    if (r.id !== undefined) {
      const first = seen.get(r.id);
      if (first !== undefined)
        rowProblems.push(
          problem(formatPath(['rows', i, 'id']), 'list.duplicateId', {
            value: r.id,
            other: formatPath(['rows', first]),
          }),
        );
      else seen.set(r.id, i);
      if (existing.has(r.id))
        rowProblems.push(problem(formatPath(['rows', i, 'id']), 'ticket.exists', { value: r.id }));
    }

    // The timeline.
    const events: LifecycleEvent[] = [];
    let state: TicketState = 'submitted';
    let previous: { field: TicketRowField; at: string; ms: number } | undefined;
    for (const step of TIMELINE) {
      const text = r[step.field as keyof TicketRow] as string | undefined;
      if (text === undefined) continue;
      const at = normaliseInstant(text, zone);
      if (at === null) {
        rowProblems.push(problem(formatPath(['rows', i, step.field]), 'instant.format', { value: text, zone }));
        continue;
      }
      const ms = Date.parse(at);
      // The same rule as createTicket's `at`: 提出时间 within the contract's term and not in the future; no later step in the future.
      const timeProblems =
        step.field === 'submittedAt'
          ? submissionTimeProblems(ms, options.now, config, at)
          : [futureTimeProblem(ms, options.now, at)].filter((c) => c !== null);
      for (const c of timeProblems) rowProblems.push(problem(formatPath(['rows', i, step.field]), c.code, c.params));
      if (previous && ms < previous.ms)
        rowProblems.push(
          problem(formatPath(['rows', i, step.field]), 'ticket.timelineOrder', {
            value: at,
            field: from[previous.field] ?? previous.field,
            previous: previous.at,
          }),
        );
      if (step.field === 'receivedAt' && r.effectiveAt === undefined)
        events.push({ kind: 'effective', at, actor: 'buyer', note: 'imported: effective at receipt' });
      events.push({ kind: step.kind, at, actor: step.actor, note: 'imported' });
      state = step.state;
      previous = { field: step.field, at, ms };
    }
    const has = (f: TicketRowField): boolean => mapped[f] !== undefined;
    if (has('feedbackAt') && !has('receivedAt'))
      rowProblems.push(problem(formatPath(['rows', i, 'receivedAt']), 'ticket.feedbackNeedsReceipt'));
    if (has('deployedAt') && !has('receivedAt'))
      rowProblems.push(problem(formatPath(['rows', i, 'receivedAt']), 'ticket.deploymentNeedsReceipt'));
    if (has('closedAt') && !has('deployedAt'))
      rowProblems.push(problem(formatPath(['rows', i, 'deployedAt']), 'ticket.closedNeedsDeployment'));

    problems.push(...rowProblems);
    if (rowProblems.length) return;
    tickets.push({ ...draft, state, events, pauses: [] });
  });
  return { ok: problems.length === 0, tickets, problems };
}
