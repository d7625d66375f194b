/*
 * The ticket (《应用软件业务联系单》) as plain data. Seed references are `file:line` in /work/shared/seeds:
 * 000 = 000_f7ba827fd35ca96b.txt (Xuzhou), 001 = 001_51f57f868df700ed.txt (Huai'an, same process text).
 */

/** Who acts: the buyer (采购人: 经办机构 / 信息部门 / 业务人员) or the vendor (运维项目组). */
export type Actor = 'buyer' | 'vendor';

export const TICKET_STATES = [
  'submitted', // 提出, not yet effective (000:45)
  'pending-review', // 需要省局审核类: with the provincial bureau before it becomes effective (000:45)
  'effective', // 问题生效: confirmed by the 信息部门 and handed to the vendor (000:45)
  'received', // 签收: the vendor signed for it with name and time (000:47)
  'feedback', // 反馈处理意见 given within the feedback deadline (000:48)
  'in-progress', // being fixed (补丁更新 step 1, 000:52)
  'internal-test', // passed the vendor's internal test, with the buyer for business test (000:52)
  'business-test-signed', // 信息部门 and business users tested and signed the 联系单 (000:53)
  'deployed', // in production (000:51–56); the stable period runs
  'stable', // ran stable and correct for the configured working days (000:67)
  'closed', // 问题关闭 (000:67), signed off by the requester (000:45 "由提出人签字确认处理完毕")
  'unsolvable', // 不能解决, ended by three-party agreement (000:49)
  'withdrawn', // not made effective (e.g. the province keeps it, 000:45)
] as const;
export type TicketState = (typeof TICKET_STATES)[number];

/** States no action leaves. */
export const FINAL_STATES: readonly TicketState[] = ['closed', 'unsolvable', 'withdrawn'];

/** A final state: the ticket's clocks have ended and no action moves it on (a stored state read as text). */
export const isFinalState = (state: string): boolean => (FINAL_STATES as readonly string[]).includes(state);

export const LIFECYCLE_EVENT_KINDS = [
  'submitted',
  'review-requested',
  'effective',
  'withdrawn',
  'received',
  'responded',
  'on-site',
  'contained',
  'feedback',
  'work-started',
  'internal-test-passed',
  'business-test-signed',
  'business-test-failed',
  'deployed',
  'stable',
  'problem-reported',
  'closed',
  'unsolvable',
  'paused',
  'extended',
  'expected-date-set',
  'special-attention-set',
  'checklist-recorded',
] as const;
export type LifecycleEventKind = (typeof LIFECYCLE_EVENT_KINDS)[number];

/** One entry of the ticket's history. `at` is an ISO-8601 instant with the calendar's offset. */
export type LifecycleEvent = {
  kind: LifecycleEventKind;
  at: string;
  actor: Actor;
  note?: string;
  data?: Record<string, string | boolean>;
};

/** A buyer-approved pause of the SLA clocks, [from, to). */
export type TicketPause = { from: string; to: string; approvedBy: 'buyer'; reason: string };

/** A checklist item is done when `true` or an evidence reference (non-empty string). */
export type ChecklistMark = boolean | string;

/**
 * The data-processing checklist of 单笔数据调整 / 批量数据处理 tickets (000:57–65).
 * `deletes`: the processing deletes data (a single adjustment then needs a backup too, 000:62).
 */
export type DataChecklist = {
  script?: ChecklistMark;
  record?: ChecklistMark;
  jointReview?: ChecklistMark;
  backup?: ChecklistMark;
  testDatabase?: ChecklistMark;
  itConfirmation?: ChecklistMark;
  deletes?: boolean;
};

export type Ticket = {
  id: string;
  title?: string;
  /** One of `config.taxonomy.categories` (问题划分, 000:33–42). */
  category: string;
  /** One of `config.taxonomy.businessAreas` when the contract lists any (000:43). */
  businessArea?: string;
  /** One of `config.sla.policy.severities[].id`. */
  severity: string;
  /** 特别关注 (000:222). */
  specialAttention: boolean;
  /** The buyer's expected close date (期望关闭日期), local `YYYY-MM-DD`. */
  expectedCloseDate?: string;
  /** Approved extension (顺延, 000:221): replaces the expected close date for the metrics. */
  extendedTo?: string;
  state: TicketState;
  checklist?: DataChecklist;
  events: LifecycleEvent[];
  pauses: TicketPause[];
};

export type TicketAction =
  | { type: 'request-review' }
  | { type: 'confirm' }
  | { type: 'withdraw'; reason: string }
  | { type: 'receive' }
  | { type: 'respond' }
  | { type: 'arrive-on-site' }
  | { type: 'contain' }
  | { type: 'feedback'; solvable?: boolean; plannedTestDate?: string; note?: string }
  | { type: 'start-work' }
  | { type: 'pass-internal-test' }
  | { type: 'sign-business-test' }
  | { type: 'fail-business-test'; reason: string }
  | { type: 'deploy'; affectsSettlement: boolean; checklist?: DataChecklist }
  | { type: 'confirm-stable' }
  | { type: 'report-problem'; reason: string }
  | { type: 'close' }
  | { type: 'agree-unsolvable'; reason: string }
  | { type: 'record-checklist'; checklist: DataChecklist }
  | { type: 'pause'; from: string; to: string; reason: string }
  | { type: 'extend'; to: string; reason: string }
  | { type: 'set-expected-close-date'; date: string }
  | { type: 'mark-special-attention'; expectedCloseDate?: string };

export type TicketActionType = TicketAction['type'];

/**
 * An action as a caller received it (an API input): the type it names and whichever fields came with it. This is what
 * `transition` takes; it reports what is wrong (an unknown type, a reason or a date missing or malformed). Every
 * TicketAction is one.
 */
export type TicketActionRequest = {
  type: string;
  reason?: string;
  note?: string;
  solvable?: boolean;
  plannedTestDate?: string;
  affectsSettlement?: boolean;
  checklist?: DataChecklist;
  from?: string;
  to?: string;
  date?: string;
  expectedCloseDate?: string;
};
