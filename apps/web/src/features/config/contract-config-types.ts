/**
 * The parts of the contract configuration language (libs/contracts, contract-config.schema.ts) the console
 * displays. Loose on purpose: the configuration arrives as JSON, every field is optional here and the view
 * shows what is present. The web app does not import the domain libraries (module boundaries).
 */
export type Bound = { value: number | string; inclusive?: boolean };
export type Band = {
  min?: Bound;
  max?: Bound;
  points?: number | string;
  label?: string;
  grade?: string;
  passes?: boolean;
};

export type RoleView = {
  id: string;
  name: string;
  headcount: number;
  placement?: string;
  coverage?: string;
  core?: boolean;
  qualifications?: string;
  countsForAttendance?: boolean;
};
export type StaffingView = {
  roles?: RoleView[];
  minimums?: {
    id?: string;
    description?: string;
    min: number;
    placement?: string;
    coverage?: string;
    roles?: string[];
  }[];
  turnoverCaps?: { core?: number | string; other?: number | string };
  replacement?: { noticeWorkingDays: number; handoverWorkingDays: number };
  allowances?: { id: string; description: string; amount: number | string; unit: string; per: string }[];
  holidayDuty?: { minOnDuty: number; where?: string };
};

export type SlaDuration = { minutes?: number; workingDays?: number; mode?: string };
export type SlaTargetView = {
  id: string;
  name: string;
  severities: string[];
  metric: string;
  stopEvent?: string;
  startsAt?: 'received' | 'reported';
  clock?: 'calendar' | 'working';
  coverage?: { severities: string[]; clock: 'calendar' | 'working' }[];
  duration: SlaDuration;
};
export type SlaView = {
  policy?: { severities?: { id: string; name: string; rank: number }[]; targets?: SlaTargetView[] };
  process?: {
    feedbackWithinWorkingDays?: number;
    closureAfterStableWorkingDays?: number;
    settlementPatchesNotBefore?: string;
    settlementPatchesNotAfter?: string;
  };
  kpis?: { id: string; name: string; metric: string; minPercent: number | string; period?: string }[];
};
export type CalendarView = {
  timeZone?: string;
  workingHours?: { start: string; end: string }[];
  overrides?: { closures?: { date: string; reason: string }[]; extraWorkdays?: { date: string; reason: string }[] };
  makeUpWorkdays?: boolean;
};

export type ComponentView = {
  id: string;
  label?: string;
  kind: string;
  input?: string;
  params?: Record<string, unknown>;
};
export type AssessmentView = {
  period?: string;
  base?: number | string;
  clamp?: { min?: number | string; max?: number | string };
  components?: ComponentView[];
  yearAggregation?: { kind?: string };
  alerts?: { code: string; message: string }[];
};

export type RuleView = {
  id: string;
  label?: string;
  kind: string;
  conditions?: Record<string, unknown>[];
  params?: Record<string, unknown>;
};
export type PaymentView = { milestones?: RuleView[]; deductions?: RuleView[] };

export type ConfigView = {
  name?: string;
  parties?: { buyer?: string; vendor?: string };
  money?: { amount?: string; budget?: string; currency?: string };
  acceptance?: { notes?: string };
  term?: { start?: string; end?: string; signed?: string };
  staffing?: StaffingView;
  calendar?: CalendarView;
  sla?: SlaView;
  taxonomy?: {
    categories?: string[];
    businessAreas?: string[];
    specialAttention?: { enabled?: boolean; requiresExpectedCloseDate?: boolean };
  };
  assessment?: AssessmentView;
  payment?: PaymentView;
};

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The configuration as the view reads it; anything that is not an object reads as empty. */
export function asConfigView(configuration: unknown): ConfigView {
  return isRecord(configuration) ? (configuration as ConfigView) : {};
}
