/**
 * One synthetic 联系单 (ticket) with its whole history, deterministic from (seed, index), driven through the
 * product's own pure lifecycle machine (`openTicket` / `transition` of @ledger/contracts) — the very functions the
 * API's tickets service calls — so every generated history is one the API would have accepted and stored, event
 * for event (kinds, instants, actors, notes, payloads, the derived state, checklist, expected / extended dates).
 * A step the machine refuses is a bug of this generator and throws.
 *
 * What varies (per ticket, from its own random stream):
 *  - submission instant in the contract's term up to `now`: mostly in working hours, some at night / weekends;
 *  - category, business area, severity from the contract's configuration (weighted: minor problems are common);
 *  - per SLA target of its severity, the stop instant as a fraction of the budget (met) or beyond it (a breach,
 *    ~7 % per target), on the target's own clock (calendar or working time of the contract's calendar);
 *  - provincial review before confirmation, buyer-approved pauses, failed business tests, fixes reported back
 *    after deployment, data-processing checklists, settlement-affecting patches deployed after 20:00;
 *  - expected close dates (most tickets on contracts that measure 计划内达成率), some late, special-attention
 *    tickets (特别关注) with expected dates inside the term, some extended (顺延);
 *  - closure (buyer closes after the stable working days, or the vendor confirms stable first); withdrawn and
 *    unsolvable tickets; tickets left open at a random step; anything after `now` has not happened yet.
 */
import {
  isDataProcessing,
  openTicket,
  stableUntil,
  transition,
  type Actor,
  type LifecycleEvent,
  type ParsedConfig,
  type Ticket,
  type TicketAction,
} from '@ledger/contracts';
import {
  addWorkingMinutes,
  CalendarNotPublishedError,
  CN_NATIONAL_CALENDAR,
  formatInstant,
  workingDaysTargetMinutes,
  workingMinutesBetween,
  type SlaTarget,
  type WorkCalendar,
} from '@ledger/sla';
import { Rng } from './generate-rng';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

const DEFAULT_CATEGORIES = ['软件错误', '业务咨询', '环境故障', '功能改进', '人为错误', '需求变更'];
const CATEGORY_WEIGHTS: Record<string, number> = {
  软件错误: 30,
  业务咨询: 20,
  环境故障: 10,
  功能改进: 10,
  人为错误: 8,
  需求变更: 8,
  需求新增: 5,
  单笔数据调整: 6,
  批量数据处理: 3,
};
const SEVERITY_WEIGHTS = [45, 30, 15, 7, 3, 2, 1];
const TITLES = [
  '门诊结算报错',
  '异地备案查询超时',
  '生育津贴计算不符',
  '对账报表缺少字段',
  '药品目录更新失败',
  '定点机构信息维护',
  '慢病待遇审核流程调整',
  '医保卡挂失接口异常',
  '结算清单导出乱码',
  '统筹基金支付比例配置',
  '住院登记重复',
  '报表权限调整',
  '电子凭证扫码失败',
  '处方流转接口超时',
  '个人账户余额不符',
  '参保登记信息修正',
  '药店进销存上传失败',
  '医保目录对照错误',
  '跨省联网结算失败',
  '服务器磁盘告警',
  '数据库连接池耗尽',
  '批量代扣文件生成失败',
  '稽核规则调整',
  '发票打印格式错误',
];
const PAUSE_REASONS = [
  '等待采购人提供测试数据',
  '等待上级部门确认业务口径',
  '第三方接口停机维护',
  '采购人要求暂缓处理',
];
const FAIL_REASONS = ['业务测试未通过：结算金额不符', '业务测试未通过：报表字段缺失', '业务测试未通过：页面报错'];
const PROBLEM_REASONS = ['上线后问题复现', '上线后出现新的报错', '补丁未覆盖全部场景'];
const UNSOLVABLE_REASONS = ['三方确认：受国家平台限制无法解决', '三方确认：需求超出合同范围'];
const WITHDRAW_REASONS = ['省局保留处理', '重复提交', '问题已自行消除'];

/** What the generator needs of one contract version, computed once per contract. */
export type TicketContext = {
  presetId: string;
  config: ParsedConfig;
  calendar: WorkCalendar;
  /** Submissions fall in [fromMs, toMs). */
  fromMs: number;
  toMs: number;
  nowMs: number;
  /** How many tickets the contract gets: ticket i is submitted in the i-th slice of the submission window. */
  count: number;
  /** Working minutes in [fromMs, toMs) (85 % of submissions fall in working time, spread evenly over it). */
  workingSpan: number;
  /** calendar.cumulativeMinutes(fromMs). */
  workingBase: number;
  categories: readonly (readonly [string, number])[];
  businessAreas: readonly string[];
  severities: readonly (readonly [string, number])[];
  targetsBySeverity: ReadonlyMap<string, readonly SlaTarget[]>;
  specialAttention: boolean;
  /** Share of tickets that get an expected close date. */
  expectedShare: number;
  settlementPatches: boolean;
  termEnd: string;
  /** The end of the published national calendar. */
  horizonMs: number;
};

const ZONE = 'Asia/Shanghai';
const ZONE_OFFSET_MS = 8 * HOUR; // every preset runs on Asia/Shanghai (fixed +08:00, checked in ticketContext)
const localDate = (ms: number): string => new Date(ms + ZONE_OFFSET_MS).toISOString().slice(0, 10);
const localMidnight = (date: string): number => Date.parse(`${date}T00:00:00Z`) - ZONE_OFFSET_MS;
const addDays = (date: string, n: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const floorMinute = (ms: number): number => Math.floor(ms / MIN) * MIN;

/** The last instant the national calendar is published for (working-time arithmetic refuses later instants). */
export function calendarHorizonMs(): number {
  const years = CN_NATIONAL_CALENDAR.years.map((y) => y.year);
  return localMidnight(`${Math.max(...years) + 1}-01-01`);
}

/**
 * The generator's view of a contract. `count` is the number of tickets it will get: submissions are spread over the
 * term up to `now` in ticket-number order (ticket i in the i-th slice of the window), as tickets are numbered in the
 * order they are raised — so number order, creation order and heap order agree, as they do in production.
 */
export function ticketContext(
  presetId: string,
  config: ParsedConfig,
  calendar: WorkCalendar,
  nowMs: number,
  count: number,
): TicketContext {
  const zone = config.calendar?.timeZone ?? 'Asia/Shanghai';
  if (!['Asia/Shanghai', 'PRC', 'Asia/Chongqing', 'Etc/GMT-8'].includes(zone))
    throw new Error(`generator assumes +08:00; ${presetId} uses ${zone}`);
  const fromMs = localMidnight(config.term.start);
  // Leave room after the last submission for the history to unfold inside the published calendar.
  const toMs = Math.min(localMidnight(addDays(config.term.end, 1)), nowMs, calendarHorizonMs() - 45 * DAY);
  if (toMs <= fromMs + DAY)
    throw new Error(
      `${presetId}: no room for tickets between ${config.term.start} and now (${new Date(nowMs).toISOString()})`,
    );
  const tax = config.taxonomy;
  const cats = tax?.categories.length ? tax.categories : DEFAULT_CATEGORIES;
  const policy = config.sla?.policy;
  const severities = (policy?.severities ?? [{ id: 'normal', rank: 1 }])
    .slice()
    .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0))
    .map((s, i) => [s.id, SEVERITY_WEIGHTS[i] ?? 1] as const);
  const targetsBySeverity = new Map<string, SlaTarget[]>();
  for (const [id] of severities)
    targetsBySeverity.set(
      id,
      (policy?.targets ?? []).filter((t) => t.severities.includes(id)),
    );
  const usesAchievement = (config.assessment?.components ?? []).some((c) => c.kind === 'banded');
  return {
    presetId,
    config,
    calendar,
    fromMs,
    toMs,
    nowMs,
    count: Math.max(1, count),
    workingSpan: workingMinutesBetween(calendar, fromMs, toMs),
    workingBase: calendar.cumulativeMinutes(fromMs),
    categories: cats.map((c) => [c, CATEGORY_WEIGHTS[c] ?? 4] as const),
    businessAreas: tax?.businessAreas ?? [],
    severities,
    targetsBySeverity,
    specialAttention: tax?.specialAttention.enabled === true,
    expectedShare: usesAchievement || tax ? 0.7 : 0.2,
    settlementPatches: Boolean(config.sla?.process.settlementPatchesNotBefore),
    termEnd: config.term.end,
    horizonMs: calendarHorizonMs(),
  };
}

export type GeneratedTicket = {
  index: number;
  /** The final ticket (state, fields, checklist, pauses) after every step that happened by `now`. */
  ticket: Ticket;
  /** Its history, with epoch instants (the `at` strings are the machine's, in the contract's zone). */
  events: (LifecycleEvent & { ms: number })[];
  submittedMs: number;
  lastMs: number;
};

/** Share of submissions in working time (the rest at any hour: nights, weekends, holidays). */
const WORKING_SHARE = 0.85;

/**
 * The instant at quantile `u` ∈ [0, 1] of the submission density: WORKING_SHARE spread evenly over the window's
 * working minutes, the rest evenly over all its minutes. Monotone in `u` (bisection on the cumulative share).
 */
function submissionAt(ctx: TicketContext, u: number): number {
  if (u <= 0) return ctx.fromMs;
  if (u >= 1) return ctx.toMs - MIN;
  const span = ctx.toMs - ctx.fromMs;
  const share = (t: number): number =>
    (ctx.workingSpan > 0
      ? (WORKING_SHARE * (ctx.calendar.cumulativeMinutes(t) - ctx.workingBase)) / ctx.workingSpan
      : 0) +
    (ctx.workingSpan > 0 ? 1 - WORKING_SHARE : 1) * ((t - ctx.fromMs) / span);
  let lo = 0;
  let hi = Math.floor(span / MIN);
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (share(ctx.fromMs + mid * MIN) < u) lo = mid;
    else hi = mid;
  }
  return ctx.fromMs + hi * MIN;
}

/** Ticket numbers as the API numbers them (tickets.service nextNumber): LX-0001, …, LX-10000, … */
export const ticketNumber = (n: number, prefix = 'LX-'): string => `${prefix}${String(n).padStart(4, '0')}`;

type Step = { at: number; actor: Actor; action: TicketAction };

/**
 * Working-time arithmetic that may run past the published calendar: an instant beyond it is "after the horizon"
 * (the step has not happened by any `now` the calendar can evaluate), so it is simply never applied.
 */
function addWork(ctx: TicketContext, start: number, minutes: number): number {
  if (start >= ctx.horizonMs) return ctx.horizonMs + DAY;
  try {
    return addWorkingMinutes(ctx.calendar, start, minutes);
  } catch (e) {
    if (e instanceof CalendarNotPublishedError) return ctx.horizonMs + DAY;
    throw e;
  }
}

/** Stop instant of a target at `fraction` of its budget, on its clock, from `start`. */
function stopAt(ctx: TicketContext, t: SlaTarget, start: number, fraction: number): number {
  const d = t.duration as { minutes?: number; workingDays?: number; mode?: 'elapsed' | 'end-of-day' };
  let budget: number;
  if (d.minutes !== undefined) budget = d.minutes;
  else {
    try {
      budget = workingDaysTargetMinutes(ctx.calendar, start, d.workingDays ?? 1, d.mode ?? 'elapsed');
    } catch (e) {
      if (e instanceof CalendarNotPublishedError) return ctx.horizonMs + DAY;
      throw e;
    }
  }
  const m = Math.max(1, Math.round(budget * fraction));
  return t.clock === 'working' ? addWork(ctx, start, m) : start + m * MIN;
}

/**
 * Ticket `index` (0-based) of a contract, deterministic from (seed, index). Number = ticketNumber(index + 1).
 */
export function generateTicket(ctx: TicketContext, seed: number, index: number, prefix = 'LX-'): GeneratedTicket {
  const r = new Rng(seed, 0x71c4e7, index);
  const cal = ctx.calendar;
  const { config } = ctx;

  // When: in its slice of the window (numbers follow submission order), mostly in working hours.
  const submitted = submissionAt(ctx, (index + r.next()) / ctx.count);
  const category = r.weighted(ctx.categories);
  const severity = r.weighted(ctx.severities);
  const businessArea = ctx.businessAreas.length ? r.pick(ctx.businessAreas) : undefined;
  const title = r.pick(TITLES);
  const targets = ctx.targetsBySeverity.get(severity) ?? [];

  // The plan, in instants.
  const review = r.chance(0.05);
  const withdrawn = r.chance(0.012);
  const unsolvable = r.chance(0.01);
  const effective = submitted + r.int(2, review ? 24 * 60 : 40) * MIN;
  const received = effective + r.int(1, 25) * MIN;
  const fraction = () => (r.chance(0.015) ? 1.05 + r.next() * 2 : 0.05 + r.next() * 0.9);
  const stopFor = (stop: string): number | undefined => {
    let best: number | undefined;
    for (const t of targets)
      if (t.stopEvent === stop) best = Math.min(best ?? Infinity, stopAt(ctx, t, received, fraction()));
    return best;
  };
  let deploy = stopFor('resolved') ?? addWork(ctx, received, r.int(60, 5 * cal.dayMinutes));
  const late = r.chance(0.05);
  if (late) deploy = addWork(ctx, deploy, r.int(2, 15) * cal.dayMinutes);
  const settlement = ctx.settlementPatches && r.chance(0.06);
  if (settlement) {
    // Settlement-affecting patches go live between 20:00 and 23:59 local (000:54).
    const day = localDate(deploy);
    const evening = localMidnight(day) + 20 * HOUR + r.int(0, 239) * MIN;
    deploy = evening >= deploy ? evening : localMidnight(addDays(day, 1)) + 20 * HOUR + r.int(0, 239) * MIN;
  }
  deploy = floorMinute(deploy);
  const response = Math.min(stopFor('responded') ?? received + r.int(1, 30) * MIN, deploy);
  const onSite = stopFor('on-site');
  const contained = stopFor('contained');
  let feedback = stopFor('feedback') ?? received + r.int(10, 240) * MIN;
  if (feedback > deploy) feedback = floorMinute(received + (deploy - received) * 0.3);
  // The last instant the free-standing facts may take: before the fix goes live, or before an unsolvable ticket ends.
  const factsBy = unsolvable ? feedback : deploy;
  const span = deploy - feedback;
  const workStarted = floorMinute(feedback + span * 0.1);
  const internalTest = floorMinute(feedback + span * 0.55);
  const businessTest = floorMinute(feedback + span * 0.8);

  // Expected dates, special attention, extensions.
  const special = ctx.specialAttention && r.chance(0.05);
  const hasExpected = special || r.chance(ctx.expectedShare);
  const deployDate = localDate(deploy);
  const submitDate = localDate(submitted);
  let expected: string | undefined;
  if (hasExpected) {
    expected = late ? addDays(deployDate, -r.int(1, 12)) : addDays(deployDate, r.int(0, 10));
    if (expected < submitDate) expected = submitDate;
    if (expected > ctx.termEnd) expected = ctx.termEnd;
  }
  const markLater = special && r.chance(0.3);
  const extend = special && expected !== undefined && r.chance(0.25);

  const steps: Step[] = [];
  const buyer = (at: number, action: TicketAction) => steps.push({ at, actor: 'buyer', action });
  const vendor = (at: number, action: TicketAction) => steps.push({ at, actor: 'vendor', action });
  if (review) buyer(submitted + r.int(1, 30) * MIN, { type: 'request-review' });
  if (withdrawn) {
    buyer(submitted + r.int(60, 2 * 24 * 60) * MIN, { type: 'withdraw', reason: r.pick(WITHDRAW_REASONS) });
  } else {
    buyer(effective, { type: 'confirm' });
    if (markLater)
      buyer(effective, { type: 'mark-special-attention', ...(expected ? { expectedCloseDate: expected } : {}) });
    vendor(received, { type: 'receive' });
    // Free-standing SLA facts (any state after receipt): response, arrival, containment — before the fix goes live.
    const free: Step[] = [{ at: Math.min(response, factsBy), actor: 'vendor', action: { type: 'respond' } }];
    if (onSite !== undefined)
      free.push({ at: Math.min(onSite, factsBy), actor: 'vendor', action: { type: 'arrive-on-site' } });
    if (contained !== undefined)
      free.push({ at: Math.min(contained, factsBy), actor: 'vendor', action: { type: 'contain' } });
    if (r.chance(0.04)) {
      const from = Math.min(received + r.int(5, 120) * MIN, factsBy);
      const to = from + r.int(1, 48) * HOUR;
      free.push({
        at: from,
        actor: 'buyer',
        action: {
          type: 'pause',
          from: formatInstant(from, ZONE),
          to: formatInstant(to, ZONE),
          reason: r.pick(PAUSE_REASONS),
        },
      });
    }
    if (extend)
      free.push({
        at: Math.min(factsBy, received + r.int(60, 3 * 24 * 60) * MIN),
        actor: 'buyer',
        action: { type: 'extend', to: addDays(expected as string, r.int(5, 20)), reason: '采购人同意顺延' },
      });
    const chain: Step[] = [];
    chain.push({
      at: feedback,
      actor: 'vendor',
      action: unsolvable
        ? { type: 'feedback', solvable: false, note: '受平台限制，无法在本地解决' }
        : {
            type: 'feedback',
            solvable: true,
            plannedTestDate: addDays(localDate(feedback), r.int(1, 3)),
            note: '已定位原因，可以解决',
          },
    });
    if (unsolvable) {
      chain.push({
        at: feedback + r.int(1, 5) * DAY,
        actor: 'buyer',
        action: { type: 'agree-unsolvable', reason: r.pick(UNSOLVABLE_REASONS) },
      });
    } else {
      chain.push({ at: workStarted, actor: 'vendor', action: { type: 'start-work' } });
      if (isDataProcessing(category)) {
        const batch = category === '批量数据处理';
        chain.push({
          at: workStarted,
          actor: 'vendor',
          action: {
            type: 'record-checklist',
            checklist: {
              script: true,
              record: true,
              testDatabase: true,
              backup: true,
              ...(batch ? { jointReview: true } : {}),
              deletes: batch || r.chance(0.3),
            },
          },
        });
      }
      chain.push({ at: internalTest, actor: 'vendor', action: { type: 'pass-internal-test' } });
      if (r.chance(0.04)) {
        const failAt = floorMinute(internalTest + (businessTest - internalTest) * 0.3);
        chain.push({
          at: failAt,
          actor: 'buyer',
          action: { type: 'fail-business-test', reason: r.pick(FAIL_REASONS) },
        });
        chain.push({
          at: floorMinute(internalTest + (businessTest - internalTest) * 0.6),
          actor: 'vendor',
          action: { type: 'pass-internal-test' },
        });
      }
      if (isDataProcessing(category))
        chain.push({
          at: businessTest,
          actor: 'buyer',
          action: { type: 'record-checklist', checklist: { itConfirmation: true } },
        });
      chain.push({ at: businessTest, actor: 'buyer', action: { type: 'sign-business-test' } });
      chain.push({ at: deploy, actor: 'vendor', action: { type: 'deploy', affectsSettlement: settlement } });
    }
    // Merge: chain order kept, free facts slotted in by time (never before receipt, never after the deployment).
    free.sort((a, b) => a.at - b.at);
    let f = 0;
    for (const c of chain) {
      while (f < free.length && free[f].at <= c.at) steps.push(free[f++]);
      steps.push(c);
    }
    while (f < free.length) steps.push(free[f++]);
  }

  // Drive the machine. Closure steps depend on the stable period it computes, so they are planned as we go.
  const opened = openTicket(
    {
      id: ticketNumber(index + 1, prefix),
      title,
      category,
      ...(businessArea !== undefined ? { businessArea } : {}),
      severity,
      ...(special && !markLater ? { specialAttention: true } : {}),
      ...(expected !== undefined && !markLater ? { expectedCloseDate: expected } : {}),
    },
    { actor: 'buyer', at: submitted, config, calendar: cal },
  );
  if (!opened.ok)
    throw new Error(
      `generator: ticket ${index} refused at submission: ${opened.problems.map((p) => `${p.path} ${p.message}`).join('; ')}`,
    );
  let ticket = opened.ticket;
  const events: (LifecycleEvent & { ms: number })[] = opened.events.map((e) => ({ ...e, ms: submitted }));
  const now = ctx.nowMs;
  // A share of tickets stops at a random step and stays open (work not finished yet).
  const stuckAt = r.chance(0.04) ? r.int(1, Math.max(1, steps.length)) : Infinity;
  let last = submitted;
  const apply = (s: Step): boolean => {
    if (s.at > now) return false;
    const at = Math.max(s.at, last);
    const result = transition(ticket, s.action, { actor: s.actor, at, config, calendar: cal });
    if (!result.ok)
      throw new Error(
        `generator: ticket ${index} ${s.action.type} in ${ticket.state} refused: ${result.problems.map((p) => `${p.path} ${p.message}`).join('; ')}`,
      );
    ticket = result.ticket;
    for (const e of result.events) events.push({ ...e, ms: Date.parse(e.at) });
    last = Math.max(last, at);
    return true;
  };
  let done = 0;
  for (const s of steps) {
    if (done >= stuckAt || !apply(s)) break;
    done++;
  }
  if (done === steps.length && ticket.state === 'deployed') {
    // A returned fix now and then: the buyer reports a problem, the vendor fixes and deploys again.
    if (r.chance(0.02)) {
      const back = last + r.int(2, 20) * HOUR;
      const again = floorMinute(addWork(ctx, back, r.int(1, 3) * cal.dayMinutes));
      const redo: Step[] = [
        { at: back, actor: 'buyer', action: { type: 'report-problem', reason: r.pick(PROBLEM_REASONS) } },
        { at: floorMinute(back + (again - back) * 0.5), actor: 'vendor', action: { type: 'pass-internal-test' } },
        { at: floorMinute(back + (again - back) * 0.8), actor: 'buyer', action: { type: 'sign-business-test' } },
        { at: again, actor: 'vendor', action: { type: 'deploy', affectsSettlement: false } },
      ];
      for (const s of redo) if (!apply(s)) break;
    }
    if (ticket.state === 'deployed' && r.chance(0.97)) {
      let until: number | null = null;
      try {
        const u = stableUntil(ticket, config, cal);
        until = u === null ? null : Date.parse(u);
      } catch {
        until = null; // the calendar does not reach that far: the ticket stays deployed
      }
      if (until !== null) {
        const closeAt = floorMinute(until + r.int(30, 36 * 60) * MIN);
        if (r.chance(0.3)) {
          if (
            apply({ at: floorMinute(until + r.int(0, 120) * MIN), actor: 'vendor', action: { type: 'confirm-stable' } })
          )
            apply({ at: closeAt + 30 * MIN, actor: 'buyer', action: { type: 'close' } });
        } else apply({ at: closeAt, actor: 'buyer', action: { type: 'close' } });
      }
    }
  }
  return { index, ticket, events, submittedMs: submitted, lastMs: last };
}
