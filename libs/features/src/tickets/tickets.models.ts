import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { JsonScalar, type JsonValue } from '../graphql/json.scalar';

export enum TicketImportFormat {
  CSV = 'CSV',
  XLSX = 'XLSX',
}
export enum TicketImportMode {
  ALL_OR_NOTHING = 'ALL_OR_NOTHING',
  PARTIAL = 'PARTIAL',
}
registerEnumType(TicketImportFormat, {
  name: 'TicketImportFormat',
  description: 'The format of an uploaded ticket file.',
  valuesMap: { CSV: { description: 'Comma-separated values (UTF-8).' }, XLSX: { description: 'An Excel workbook.' } },
});
registerEnumType(TicketImportMode, {
  name: 'TicketImportMode',
  valuesMap: {
    ALL_OR_NOTHING: { description: 'Any invalid row imports nothing.' },
    PARTIAL: { description: 'The valid rows are imported, the others reported.' },
  },
  description:
    'ALL_OR_NOTHING: any invalid row imports nothing (the import FAILED with every row problem). PARTIAL: the valid rows are imported, the others reported.',
});

@ObjectType('TicketEvent', { description: 'One entry of the ticket history (append-only).' })
export class TicketEventModel {
  @Field(() => Int, { description: 'Position in the history, from 1.' })
  seq!: number;

  @Field({ description: 'The event kind, e.g. submitted, received, responded, deployed, closed, paused, extended.' })
  kind!: string;

  @Field({ description: "When it happened, ISO-8601 with the contract calendar's offset." })
  at!: string;

  @Field({ description: 'buyer or vendor' })
  actorSide!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The user who recorded it (for an imported ticket, the uploader); null when none was recorded.',
  })
  actorUserId!: string | null;

  @Field(() => String, { nullable: true, description: 'The free text given with the action (reason, feedback note).' })
  note!: string | null;

  @Field(() => JsonScalar, {
    nullable: true,
    description:
      'The action-specific data (e.g. plannedTestDate, affectsSettlement), an object of strings and booleans.',
  })
  data!: JsonValue | null;

  @Field({ description: 'When it was stored (ISO 8601 instant); `at` may be earlier.' })
  recordedAt!: Date;
}

@ObjectType('TicketPause', { description: 'A buyer-approved SLA pause, [from, to).' })
export class TicketPauseModel {
  @Field({ description: "Start, ISO-8601 with the contract calendar's offset." })
  from!: string;

  @Field({ description: "End (excluded), ISO-8601 with the contract calendar's offset." })
  to!: string;

  @Field({ description: 'Why the clocks were paused.' })
  reason!: string;

  @Field({ description: 'Who approved it: always buyer.' })
  approvedBy!: string;
}

@ObjectType('SlaExplanationParam', {
  description:
    "One parameter of an SLA explanation: whole minutes as integers, decimals as decimal strings, instants as ISO-8601 with the contract calendar's offset.",
})
export class SlaExplanationParamModel {
  @Field({
    description:
      'target, clock (calendar | working), startsAt (received | reported), stopEvent, start, until, elapsedMinutes, pausedMinutes, targetMinutes, budget (minutes | working-days | working-days-end-of-day), workingDays, deadline, overMinutes, remainingMinutes, percentUsed',
  })
  name!: string;

  @Field({ description: 'The value, as text in the format given by the type description.' })
  value!: string;
}

@ObjectType('SlaExplanation', {
  description:
    "Why a target has its status, as data: a stable code and its parameters, rendered in the reader's language by the client (docs/api/tickets.md lists the codes).",
})
export class SlaExplanationModel {
  @Field({
    description:
      'sla.met, sla.breached (stopped late), sla.running, sla.overdue (still running, past the budget) or sla.not-recorded (the ticket ended without the stop event)',
  })
  code!: string;

  @Field(() => [SlaExplanationParamModel], { description: 'The parameters of the code.' })
  params!: SlaExplanationParamModel[];
}

@ObjectType('TicketSlaTarget', {
  description: "One SLA target's result for a ticket. Instants are ISO-8601 with the contract calendar's offset.",
})
export class TicketSlaTargetModel {
  @Field({ description: 'The target id in the SLA policy of the contract configuration.' })
  targetId!: string;

  @Field({ description: 'The target name from the configuration.' })
  name!: string;

  @Field({ description: 'response, on-site, containment, resolution, feedback or closure' })
  metric!: string;

  @Field({
    description:
      "calendar (7×24) or working (the contract calendar working hours): the target's clock for this ticket's severity",
  })
  clock!: string;

  @Field({
    description: 'What started the clock: received (签收, the default) or reported (报修, the ticket’s submission).',
  })
  startsAt!: string;

  @Field({ description: 'The start event (receipt or report), floored to the minute.' })
  start!: string;

  @Field(() => String, {
    nullable: true,
    description: 'First occurrence of the stop event; null while the clock runs or when not recorded.',
  })
  stop!: string | null;

  @Field(() => Int, {
    description: "Whole minutes on the target's clock from start to stop (or the end, or now), pauses removed.",
  })
  elapsedMinutes!: number;

  @Field(() => Int, { description: 'Minutes of the clock removed by pauses.' })
  pausedMinutes!: number;

  @Field(() => Int, { description: "The budget in minutes of the target's clock (working-day budgets converted)." })
  targetMinutes!: number;

  @Field({ description: 'Earliest instant the budget is used up, pauses included.' })
  deadline!: string;

  @Field({
    description:
      'met, breached, running or not_recorded (the ticket ended without the stop event: neither met nor breached, counted apart; its clock stopped at the end)',
  })
  status!: string;

  @Field(() => Int, { description: 'elapsed − target when breached, else 0 (not_recorded is no breach).' })
  breachMinutes!: number;

  @Field({ description: 'elapsed ÷ target × 100, two decimals, uncapped (clients cap it for display).' })
  percentUsed!: string;

  @Field(() => SlaExplanationModel, { description: 'Why the target has its status, as a code and parameters.' })
  explanation!: SlaExplanationModel;

  @Field({
    description:
      'The result used a day of a provisional calendar year (not yet published, domain rule 18): its deadline and figures may change when the year is published.',
  })
  provisional!: boolean;
}

@ObjectType('TicketSla', { description: 'SLA status at the time of the request, on the contract calendar.' })
export class TicketSlaModel {
  @Field({
    description:
      'breached when any target is breached, else running when any runs, else not_recorded when any target was not recorded, else met.',
  })
  status!: string;

  @Field({
    description: "The instant the running clocks were measured to, ISO-8601 with the contract calendar's offset.",
  })
  evaluatedAt!: string;

  @Field({ description: 'The calendar version the results were computed on.' })
  calendarVersion!: string;

  @Field(() => Int, { description: 'The contract configuration version whose SLA policy was applied.' })
  configVersion!: number;

  @Field(() => [TicketSlaTargetModel], { description: "One result per target of the ticket's severity." })
  targets!: TicketSlaTargetModel[];

  @Field({ description: 'Any target is provisional (computed on a provisional calendar year).' })
  provisional!: boolean;
}

@ObjectType('Ticket', { description: 'A ticket (联系单) of a contract.' })
export class TicketModel {
  @Field(() => ID, { description: 'The ticket id (UUID).' })
  id!: string;

  @Field(() => ID, { description: 'The buyer tenant.' })
  tenantId!: string;

  @Field(() => ID, { description: 'The contract the ticket belongs to.' })
  contractId!: string;

  @Field({ description: '联系单编号, unique within the contract.' })
  number!: string;

  @Field(() => String, { nullable: true, description: 'A short title.' })
  title!: string | null;

  @Field({ description: 'The category, one of the contract configuration, e.g. 单笔数据调整.' })
  category!: string;

  @Field(() => String, { nullable: true, description: 'The business area, one of the contract configuration.' })
  businessArea!: string | null;

  @Field({ description: 'The severity, one of the contract configuration, e.g. L4.' })
  severity!: string;

  @Field({ description: 'Marked for special attention (重点关注).' })
  specialAttention!: boolean;

  @Field(() => String, { nullable: true, description: 'Expected close date, YYYY-MM-DD local date.' })
  expectedCloseDate!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The extended close date, YYYY-MM-DD local date; null when not extended.',
  })
  extendedTo!: string | null;

  @Field({
    description:
      'Lifecycle state: submitted, pending-review, effective, received, feedback, in-progress, internal-test, business-test-signed, deployed, stable, closed, unsolvable or withdrawn.',
  })
  state!: string;

  @Field(() => JsonScalar, {
    nullable: true,
    description: 'The data-processing checklist (单笔数据调整 / 批量数据处理).',
  })
  checklist!: JsonValue | null;

  @Field(() => Int, { description: 'The configuration version the ticket was created under; it governs the ticket.' })
  configVersion!: number;

  @Field({ description: 'How it was created: api or import.' })
  source!: string;

  @Field({ description: 'When it was stored (ISO 8601 instant).' })
  createdAt!: Date;

  @Field({ description: 'When it last changed (ISO 8601 instant).' })
  updatedAt!: Date;

  @Field(() => [TicketEventModel], { description: 'The history, oldest first.' })
  events!: TicketEventModel[];

  @Field(() => [TicketPauseModel], { description: 'The approved SLA pauses.' })
  pauses!: TicketPauseModel[];

  @Field(() => [String], {
    description: 'What the caller may do now (state and role; time rules are checked when acting).',
  })
  availableActions!: string[];

  @Field(() => String, {
    nullable: true,
    description: 'Earliest instant the ticket may be confirmed stable or closed (after a deployment).',
  })
  stableUntil!: string | null;

  @Field({
    description:
      'stableUntil falls in a provisional calendar year (domain rule 18): it may move when that year is published (暂定).',
  })
  stableUntilProvisional!: boolean;

  @Field(() => TicketSlaModel, {
    nullable: true,
    description: 'Null before receipt (签收 starts the clocks) or when the contract has no SLA policy.',
  })
  sla!: TicketSlaModel | null;

  @Field(() => String, { nullable: true, description: 'Why sla is null.' })
  slaNote!: string | null;
}

@ObjectType('TicketProblem', { description: 'One problem of a ticket import, located by its path.' })
export class TicketProblemModel {
  @Field({ description: 'Where the problem is, e.g. rows[3].severity, or file.' })
  path!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Stable problem code (libs/kernel problem-messages.ts); null only on problems stored before codes existed.',
  })
  code?: string | null;

  @Field(() => JsonScalar, { nullable: true, description: 'The parameters of the code, an object of strings.' })
  params?: Record<string, string> | null;

  @Field({ description: 'The same in English.' })
  message!: string;
}

export enum TicketImportStatus {
  QUEUED = 'QUEUED',
  READING = 'READING',
  STORING = 'STORING',
  COMPLETED = 'COMPLETED',
  FAILED = 'FAILED',
}
registerEnumType(TicketImportStatus, {
  name: 'TicketImportStatus',
  valuesMap: {
    QUEUED: { description: 'Uploaded, waiting for the import job.' },
    READING: { description: 'Rows being read and validated.' },
    STORING: { description: 'The tickets being stored in one transaction.' },
    COMPLETED: { description: 'Stored.' },
    FAILED: { description: 'Nothing stored; see error and problems.' },
  },
  description:
    'QUEUED → READING (rows read and validated, counts moving) → STORING (one transaction) → COMPLETED; or FAILED (nothing stored).',
});

@ObjectType('TicketImport', {
  description: 'An uploaded ticket file (POST /imports/tickets) and its import job: poll it until COMPLETED or FAILED.',
})
export class TicketImportModel {
  @Field(() => ID, { description: 'The import id (UUID).' })
  id!: string;

  @Field(() => ID, { description: 'The contract the tickets are imported into.' })
  contractId!: string;

  @Field(() => String, { nullable: true, description: 'The uploaded file name, when given.' })
  fileName!: string | null;

  @Field(() => TicketImportFormat, { description: 'The file format.' })
  format!: TicketImportFormat;

  @Field(() => TicketImportMode, { description: 'What happens to invalid rows.' })
  mode!: TicketImportMode;

  @Field(() => Int, { description: 'Size of the uploaded file in bytes.' })
  byteSize!: number;

  @Field(() => TicketImportStatus, { description: 'Where the import is in its life.' })
  status!: TicketImportStatus;

  @Field(() => Int, { description: 'Data rows read so far (the header row excluded).' })
  rowsRead!: number;

  @Field(() => Int, { description: 'Data rows validated so far.' })
  rowsValidated!: number;

  @Field(() => Int, { description: 'Tickets stored: set when the import commits (all of them in one transaction).' })
  rowsImported!: number;

  @Field(() => Int, { description: 'Problems found so far (all counted; the first 1000 are listed in problems).' })
  problemCount!: number;

  @Field(() => [TicketProblemModel], {
    description:
      "Row problems (rows[i] is the i-th data row from 0) or the file's problem (path `file`); set when the import ends.",
  })
  problems!: TicketProblemModel[];

  @Field(() => String, { nullable: true, description: 'Why a FAILED import stored nothing.' })
  error!: string | null;

  @Field({ description: 'When the file was uploaded (ISO 8601 instant).' })
  createdAt!: Date;

  @Field({ description: 'When the import last changed (ISO 8601 instant).' })
  updatedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it COMPLETED or FAILED (ISO 8601 instant).' })
  completedAt!: Date | null;
}

@InputType({ description: 'A new ticket.' })
export class CreateTicketInput {
  @Field(() => ID, { description: 'The contract.' })
  contractId!: string;

  @Field({ nullable: true, description: '联系单编号; assigned (LX-0001, …) when absent.' })
  number?: string;

  @Field({ nullable: true, description: 'A short title.' })
  title?: string;

  @Field({ description: 'A category of the contract configuration.' })
  category!: string;

  @Field({ nullable: true, description: 'A business area of the contract configuration.' })
  businessArea?: string;

  @Field({ description: 'A severity of the contract configuration, e.g. L4.' })
  severity!: string;

  @Field({ nullable: true, description: 'Mark for special attention (重点关注); default false.' })
  specialAttention?: boolean;

  @Field({ nullable: true, description: 'Expected close date, YYYY-MM-DD local date.' })
  expectedCloseDate?: string;

  @Field({ nullable: true, description: 'When it was submitted (ISO with offset); default now. Not in the future.' })
  at?: string;
}

@InputType({ description: 'One lifecycle action on a ticket; the other fields are per action.' })
export class TransitionTicketInput {
  @Field(() => ID, { description: 'The ticket.' })
  ticketId!: string;

  @Field({
    description:
      'request-review, confirm, withdraw, receive, respond, arrive-on-site, contain, feedback, start-work, pass-internal-test, sign-business-test, fail-business-test, deploy, confirm-stable, report-problem, close, agree-unsolvable, record-checklist, pause, extend, set-expected-close-date, mark-special-attention',
  })
  action!: string;

  @Field({
    nullable: true,
    description: 'When it happened (ISO with offset); default now. Not in the future, not before the last event.',
  })
  at?: string;

  @Field({
    nullable: true,
    description: 'withdraw, fail-business-test, report-problem, agree-unsolvable, pause, extend',
  })
  reason?: string;

  @Field({ nullable: true, description: 'feedback' })
  note?: string;

  @Field({ nullable: true, description: 'feedback' })
  solvable?: boolean;

  @Field({ nullable: true, description: 'feedback: YYYY-MM-DD' })
  plannedTestDate?: string;

  @Field({ nullable: true, description: 'deploy: can the patch affect settlement (then not before 20:00)' })
  affectsSettlement?: boolean;

  @Field(() => JsonScalar, {
    nullable: true,
    description:
      'deploy, record-checklist: { script, record, jointReview, backup, testDatabase, itConfirmation, deletes }',
  })
  checklist?: JsonValue;

  @Field({ nullable: true, description: 'pause: start (ISO)' })
  from?: string;

  @Field({ nullable: true, description: 'pause: end (ISO); extend: the new date YYYY-MM-DD' })
  to?: string;

  @Field({ nullable: true, description: 'set-expected-close-date, mark-special-attention: YYYY-MM-DD' })
  date?: string;
}

@InputType({ description: 'What the tickets board filters on; every given part must hold (and).' })
export class TicketFilterInput {
  @Field(() => [String], { nullable: true, description: 'Lifecycle states (any of).' })
  states?: string[];

  @Field(() => [String], { nullable: true, description: 'Severities of the contract (any of), e.g. L4.' })
  severities?: string[];

  @Field({ nullable: true, description: 'Only tickets marked (true) or not marked (false) for special attention.' })
  specialAttention?: boolean;

  @Field({
    nullable: true,
    description: 'true: open tickets with an SLA clock past its deadline now; false: none past.',
  })
  overdue?: boolean;

  @Field({ nullable: true, description: 'Words in the number or the title (case-insensitive; up to 100 characters).' })
  text?: string;
}

@ObjectType('TicketPage', { description: 'One page of a contract’s tickets, newest first.' })
export class TicketPageModel {
  @Field(() => [TicketModel], { description: 'The tickets of this page.' })
  nodes!: TicketModel[];

  @Field(() => Int, { description: 'How many tickets match the filter in all.' })
  totalCount!: number;

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null on the last page.' })
  endCursor!: string | null;

  @Field({ description: 'More tickets follow this page.' })
  hasNextPage!: boolean;
}
