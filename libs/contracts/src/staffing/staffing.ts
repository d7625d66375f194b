import { Decimal, dec, formatPath, toFixed2, type Problem, problem } from '@ledger/kernel';
import type { WorkCalendar } from '@ledger/sla';
import { localDateSchema } from '../config/common.schema';
import type { ParsedConfig } from '../config/contract-config.schema';
import { addDays } from '../dates';
import { problemsError } from '../reports/attendance';
import { calendarOf } from '../tickets/lifecycle';
import { explain, type Explanation } from '../explain/explanation';

/*
 * Staffing checks (domain.md config item 2, rule 10). Seed: 004 = 004_68d6f0709e427fda.txt (Tianjin), line 1083:
 * "核心岗位…人员变动率不得超过20%，普通岗位变动率不得超过30%；人员变动需提15个工作日提交申请…替补人员需经甲方面试合格
 * 并完成岗位交接（交接期不少于15个工作日）后方可上岗".
 */

type Role = ParsedConfig['staffing']['roles'][number];
const isDate = (s: unknown): boolean => typeof s === 'string' && localDateSchema.safeParse(s).success;

export type Replacement = { personId?: string; roleId: string; on: string; reason?: string };

export type RoleClass = 'core' | 'other';

export type TurnoverClass = {
  class: RoleClass;
  roles: string[];
  /** Σ headcount of the class's roles (the plan, not the people who came and went). */
  plannedHeadcount: number;
  replaced: number;
  /** replaced ÷ planned × 100, exact; null when the class has no planned headcount. */
  ratePercent: string | null;
  display: string | null;
  capPercent: string | null;
  /** rate ≤ cap ("不得超过": the cap itself is allowed); null without a cap. */
  withinCap: boolean | null;
  explanation: string;
  /** The explanation as a code (what a screen or file renders). */
  explained: Explanation;
};

/**
 * Turnover per role class over the term (rule 10): people replaced ÷ planned headcount of the class, against
 * `staffing.turnoverCaps` (core / other, 004:1083). Every replacement counts once (a post replaced twice counts
 * twice). Throws ValidationError (every problem) for unknown roles and dates outside the term.
 */
export function staffTurnover(
  config: Pick<ParsedConfig, 'staffing' | 'term'>,
  replacements: readonly Replacement[],
): { classes: TurnoverClass[] } {
  const roles = new Map(config.staffing.roles.map((r) => [r.id, r]));
  const problems: Problem[] = [];
  replacements.forEach((r, i) => {
    if (!roles.has(r.roleId))
      problems.push(
        problem(formatPath(['replacements', i, 'roleId']), 'unknown.role', {
          value: r.roleId,
          known: [...roles.keys()],
        }),
      );
    if (!isDate(r.on)) problems.push(problem(formatPath(['replacements', i, 'on']), 'date.format'));
    else if (r.on < config.term.start || r.on > config.term.end)
      problems.push(
        problem(formatPath(['replacements', i, 'on']), 'date.outsideTerm', {
          value: r.on,
          start: config.term.start,
          end: config.term.end,
        }),
      );
  });
  if (problems.length) throw problemsError(problems);

  const classOf = (role: Role): RoleClass => (role.core ? 'core' : 'other');
  const caps = config.staffing.turnoverCaps;
  const classes = (['core', 'other'] as const).map((cls): TurnoverClass => {
    const members = config.staffing.roles.filter((r) => classOf(r) === cls);
    const planned = members.reduce((n, r) => n + r.headcount, 0);
    const replaced = replacements.filter((r) => classOf(roles.get(r.roleId) as Role) === cls).length;
    const cap = caps?.[cls];
    const rate: Decimal | null = planned === 0 ? null : dec(replaced).times(100).div(planned);
    const withinCap = cap === undefined ? null : rate === null ? replaced === 0 : rate.lte(cap);
    const shown = rate === null ? null : toFixed2(rate);
    return {
      class: cls,
      roles: members.map((r) => r.id),
      plannedHeadcount: planned,
      replaced,
      ratePercent: rate === null ? null : rate.toString(),
      display: shown,
      capPercent: cap ?? null,
      withinCap,
      explanation:
        `${cls} roles (${members.map((r) => `${r.id} ${r.headcount}`).join(', ') || 'none'}): ${replaced} replaced ÷ ${planned} planned` +
        `${rate === null ? ' — no planned headcount' : ` = ${shown} %`}` +
        `${cap === undefined ? '; no cap' : `; cap ${cap} % → ${withinCap ? 'within' : 'exceeded'}`}`,
      explained: explain('staffing.turnover', {
        roleClass: cls,
        roles: members.map((r) => `${r.id} ${r.headcount}`).join(', ') || 'none',
        replaced,
        planned,
        rateState: rate === null ? 'none' : 'rate',
        rate: rate === null ? undefined : rate.toString(),
        cap,
        turnoverCap: cap === undefined ? 'none' : withinCap ? 'within' : 'exceeded',
      }),
    };
  });
  return { classes };
}

/** Working days in (a, b] — the days after `a` up to and including `b` (0 when b ≤ a). */
export function workingDaysAfter(calendar: WorkCalendar, a: string, b: string): number {
  let n = 0;
  for (let d = addDays(a, 1); d <= b; d = addDays(d, 1)) if (calendar.isWorkingDay(d)) n++;
  return n;
}

/** Working days in [a, b], both included (0 when b < a). */
export function workingDaysWithin(calendar: WorkCalendar, a: string, b: string): number {
  return b < a ? 0 : workingDaysAfter(calendar, addDays(a, -1), b);
}

export type ReplacementRequest = {
  roleId: string;
  /** The day the application (申请, with reason and the replacement's qualifications) was submitted. */
  appliedOn: string;
  /** The day the replacement takes up the post (上岗). */
  changeOn: string;
  /** The handover (岗位交接) period, both days included. */
  handoverFrom?: string;
  handoverTo?: string;
  /** The buyer's interview of the replacement (面试合格). */
  interviewPassed?: boolean;
};

export type ReplacementCheck = {
  ok: boolean;
  problems: Problem[];
  noticeWorkingDays: number | null;
  handoverWorkingDays: number | null;
  required: { noticeWorkingDays: number; handoverWorkingDays: number } | null;
  notes: string[];
};

/**
 * A replacement against `staffing.replacement` (004:1083: application 15 working days ahead; the replacement passes
 * the buyer's interview and completes a handover of at least 15 working days before taking up the post), on the
 * contract calendar:
 *  - notice = working days after the application day up to and including the change day (the change day is at the
 *    earliest the N-th working day after the application);
 *  - handover = working days of [handoverFrom, handoverTo], which must end before the change day.
 * A contract without `staffing.replacement` has no such rule (ok, with a note). Bad input is reported, not thrown
 * (except CalendarNotPublishedError for dates the calendar does not reach).
 */
export function checkReplacement(
  config: Pick<ParsedConfig, 'staffing' | 'calendar'>,
  req: ReplacementRequest,
  options: { calendar?: WorkCalendar } = {},
): ReplacementCheck {
  const problems: Problem[] = [];
  const notes: string[] = [];
  if (!config.staffing.roles.some((r) => r.id === req.roleId))
    problems.push(
      problem('roleId', 'unknown.role', { value: req.roleId, known: config.staffing.roles.map((r) => r.id) }),
    );
  for (const f of ['appliedOn', 'changeOn', 'handoverFrom', 'handoverTo'] as const) {
    if (req[f] !== undefined && !isDate(req[f])) problems.push(problem(f, 'date.format'));
  }
  if (isDate(req.appliedOn) && isDate(req.changeOn) && req.changeOn <= req.appliedOn)
    problems.push(
      problem('changeOn', 'staffing.changeBeforeApplication', { value: req.changeOn, applied: req.appliedOn }),
    );
  const rule = config.staffing.replacement;
  if (!rule) {
    notes.push('the contract sets no replacement notice or handover period');
    return {
      ok: problems.length === 0,
      problems,
      noticeWorkingDays: null,
      handoverWorkingDays: null,
      required: null,
      notes,
    };
  }
  if (problems.length)
    return { ok: false, problems, noticeWorkingDays: null, handoverWorkingDays: null, required: rule, notes };

  const calendar = calendarOf(config, options.calendar);
  const notice = workingDaysAfter(calendar, req.appliedOn, req.changeOn);
  if (notice < rule.noticeWorkingDays) {
    problems.push(
      problem('appliedOn', 'staffing.noticeTooShort', {
        notice,
        changeOn: req.changeOn,
        required: rule.noticeWorkingDays,
      }),
    );
  }
  let handover: number | null = null;
  if (rule.handoverWorkingDays > 0) {
    if (req.handoverFrom === undefined || req.handoverTo === undefined) {
      problems.push(problem('handoverFrom', 'staffing.handoverRequired', { required: rule.handoverWorkingDays }));
    } else {
      handover = workingDaysWithin(calendar, req.handoverFrom, req.handoverTo);
      if (req.handoverTo < req.handoverFrom)
        problems.push(problem('handoverTo', 'date.endsBeforeStart', { start: req.handoverFrom, end: req.handoverTo }));
      else if (handover < rule.handoverWorkingDays) {
        problems.push(
          problem('handoverTo', 'staffing.handoverTooShort', { handover, required: rule.handoverWorkingDays }),
        );
      }
      if (req.handoverTo >= req.changeOn)
        problems.push(problem('handoverTo', 'staffing.handoverAfterChange', { changeOn: req.changeOn }));
    }
  }
  if (req.interviewPassed === false) problems.push(problem('interviewPassed', 'staffing.interviewRequired'));
  else if (req.interviewPassed === undefined) notes.push("the buyer's interview of the replacement is not recorded");
  return {
    ok: problems.length === 0,
    problems,
    noticeWorkingDays: notice,
    handoverWorkingDays: handover,
    required: rule,
    notes,
  };
}

export type RosterEntry = { personId: string; roleId: string; active?: boolean };

export type TeamCheck = {
  ok: boolean;
  minimums: {
    id: string;
    description?: string;
    min: number;
    count: number;
    met: boolean;
    explanation: string;
    explained: Explanation;
  }[];
  roles: { roleId: string; headcount: number; rostered: number; shortBy: number }[];
  problems: Problem[];
};

/**
 * A roster (active people and their roles) against the contract's team minimums (Tianjin P1: ≥5 in total, ≥1 on
 * site 7×24, ≥2 on site 5×8) and each role's planned headcount. A minimum counts the people whose role matches
 * its placement, coverage and role list. Problems: `roster[i].roleId` unknown, a person listed twice,
 * `minimums[i]` not met, `roles.<id>` below headcount.
 */
export function checkTeamMinimums(config: Pick<ParsedConfig, 'staffing'>, roster: readonly RosterEntry[]): TeamCheck {
  const roles = new Map(config.staffing.roles.map((r) => [r.id, r]));
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  roster.forEach((p, i) => {
    if (!roles.has(p.roleId))
      problems.push(
        problem(formatPath(['roster', i, 'roleId']), 'unknown.role', { value: p.roleId, known: [...roles.keys()] }),
      );
    const first = seen.get(p.personId);
    if (first !== undefined)
      problems.push(
        problem(formatPath(['roster', i, 'personId']), 'list.duplicate', {
          value: p.personId,
          other: `roster[${first}]`,
        }),
      );
    else seen.set(p.personId, i);
  });
  const active = roster.filter((p, i) => p.active !== false && roles.has(p.roleId) && seen.get(p.personId) === i);
  const minimums = config.staffing.minimums.map((m, i) => {
    const matching = active.filter((p) => {
      const r = roles.get(p.roleId) as Role;
      return (
        (m.placement === undefined || r.placement === m.placement) &&
        (m.coverage === undefined || r.coverage === m.coverage) &&
        (m.roles === undefined || m.roles.includes(r.id))
      );
    });
    const met = matching.length >= m.min;
    const filters = [m.placement, m.coverage, m.roles?.join('/')].filter(Boolean).join(' ');
    const what = filters || 'in total';
    if (!met) {
      const name = m.description ?? m.id ?? formatPath(['minimums', i]);
      problems.push(
        filters
          ? problem(formatPath(['minimums', i]), 'staffing.minimumNotMet', {
              name,
              count: matching.length,
              what: filters,
              min: m.min,
            })
          : problem(formatPath(['minimums', i]), 'staffing.minimumNotMetTotal', {
              name,
              count: matching.length,
              min: m.min,
            }),
      );
    }
    return {
      id: m.id ?? `minimum-${i}`,
      ...(m.description ? { description: m.description } : {}),
      min: m.min,
      count: matching.length,
      met,
      explanation: `${matching.length} active ${what} (${matching.map((p) => p.personId).join(', ') || 'nobody'}) ≥ ${m.min}: ${met ? 'met' : 'not met'}`,
      explained: explain('staffing.minimum', {
        count: matching.length,
        what,
        people: matching.map((p) => p.personId).join(', ') || 'nobody',
        min: m.min,
        met: String(m.min <= matching.length),
      }),
    };
  });
  const perRole = config.staffing.roles.map((r) => {
    const rostered = active.filter((p) => p.roleId === r.id).length;
    const shortBy = Math.max(0, r.headcount - rostered);
    if (shortBy)
      problems.push(problem(`roles.${r.id}`, 'staffing.roleShort', { name: r.name, rostered, headcount: r.headcount }));
    return { roleId: r.id, headcount: r.headcount, rostered, shortBy };
  });
  return { ok: problems.length === 0, minimums, roles: perRole, problems };
}
