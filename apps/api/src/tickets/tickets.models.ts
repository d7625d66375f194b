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
registerEnumType(TicketImportFormat, { name: 'TicketImportFormat' });
registerEnumType(TicketImportMode, {
  name: 'TicketImportMode',
  description:
    'ALL_OR_NOTHING: any invalid row imports nothing (the import FAILED with every row problem). PARTIAL: the valid rows are imported, the others reported.',
});

@ObjectType('TicketEvent', { description: 'One entry of the ticket history (append-only).' })
export class TicketEventModel {
  @Field(() => Int)
  seq!: number;

  @Field()
  kind!: string;

  @Field({ description: "When it happened, ISO-8601 with the contract calendar's offset." })
  at!: string;

  @Field({ description: 'buyer or vendor' })
  actorSide!: string;

  @Field(() => ID, { nullable: true })
  actorUserId!: string | null;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => JsonScalar, { nullable: true })
  data!: JsonValue | null;

  @Field()
  recordedAt!: Date;
}

@ObjectType('TicketPause', { description: 'A buyer-approved SLA pause, [from, to).' })
export class TicketPauseModel {
  @Field()
  from!: string;

  @Field()
  to!: string;

  @Field()
  reason!: string;

  @Field()
  approvedBy!: string;
}

@ObjectType('SlaExplanationParam', {
  description:
    "One parameter of an SLA explanation: whole minutes as integers, decimals as decimal strings, instants as ISO-8601 with the contract calendar's offset.",
})
export class SlaExplanationParamModel {
  @Field({
    description:
      'target, clock (calendar | working), stopEvent, start, until, elapsedMinutes, pausedMinutes, targetMinutes, budget (minutes | working-days | working-days-end-of-day), workingDays, deadline, overMinutes, remainingMinutes, percentUsed',
  })
  name!: string;

  @Field()
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

  @Field(() => [SlaExplanationParamModel])
  params!: SlaExplanationParamModel[];
}

@ObjectType('TicketSlaTarget')
export class TicketSlaTargetModel {
  @Field()
  targetId!: string;

  @Field()
  name!: string;

  @Field()
  metric!: string;

  @Field()
  clock!: string;

  @Field()
  start!: string;

  @Field(() => String, { nullable: true })
  stop!: string | null;

  @Field(() => Int)
  elapsedMinutes!: number;

  @Field(() => Int)
  pausedMinutes!: number;

  @Field(() => Int)
  targetMinutes!: number;

  @Field()
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

  @Field(() => SlaExplanationModel)
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

  @Field()
  evaluatedAt!: string;

  @Field()
  calendarVersion!: string;

  @Field(() => Int, { description: 'The contract configuration version whose SLA policy was applied.' })
  configVersion!: number;

  @Field(() => [TicketSlaTargetModel])
  targets!: TicketSlaTargetModel[];

  @Field({ description: 'Any target is provisional (computed on a provisional calendar year).' })
  provisional!: boolean;
}

@ObjectType('Ticket', { description: 'A ticket (联系单) of a contract.' })
export class TicketModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  tenantId!: string;

  @Field(() => ID)
  contractId!: string;

  @Field({ description: '联系单编号, unique within the contract.' })
  number!: string;

  @Field(() => String, { nullable: true })
  title!: string | null;

  @Field()
  category!: string;

  @Field(() => String, { nullable: true })
  businessArea!: string | null;

  @Field()
  severity!: string;

  @Field()
  specialAttention!: boolean;

  @Field(() => String, { nullable: true })
  expectedCloseDate!: string | null;

  @Field(() => String, { nullable: true })
  extendedTo!: string | null;

  @Field()
  state!: string;

  @Field(() => JsonScalar, {
    nullable: true,
    description: 'The data-processing checklist (单笔数据调整 / 批量数据处理).',
  })
  checklist!: JsonValue | null;

  @Field(() => Int, { description: 'The configuration version the ticket was created under; it governs the ticket.' })
  configVersion!: number;

  @Field()
  source!: string;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;

  @Field(() => [TicketEventModel])
  events!: TicketEventModel[];

  @Field(() => [TicketPauseModel])
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

@ObjectType('TicketProblem')
export class TicketProblemModel {
  @Field()
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
  description:
    'QUEUED → READING (rows read and validated, counts moving) → STORING (one transaction) → COMPLETED; or FAILED (nothing stored).',
});

@ObjectType('TicketImport', {
  description: 'An uploaded ticket file (POST /imports/tickets) and its import job: poll it until COMPLETED or FAILED.',
})
export class TicketImportModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  contractId!: string;

  @Field(() => String, { nullable: true })
  fileName!: string | null;

  @Field(() => TicketImportFormat)
  format!: TicketImportFormat;

  @Field(() => TicketImportMode)
  mode!: TicketImportMode;

  @Field(() => Int, { description: 'Size of the uploaded file in bytes.' })
  byteSize!: number;

  @Field(() => TicketImportStatus)
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

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;

  @Field(() => Date, { nullable: true })
  completedAt!: Date | null;
}

@InputType()
export class CreateTicketInput {
  @Field(() => ID)
  contractId!: string;

  @Field({ nullable: true, description: '联系单编号; assigned (LX-0001, …) when absent.' })
  number?: string;

  @Field({ nullable: true })
  title?: string;

  @Field()
  category!: string;

  @Field({ nullable: true })
  businessArea?: string;

  @Field()
  severity!: string;

  @Field({ nullable: true })
  specialAttention?: boolean;

  @Field({ nullable: true, description: 'YYYY-MM-DD' })
  expectedCloseDate?: string;

  @Field({ nullable: true, description: 'When it was submitted (ISO with offset); default now. Not in the future.' })
  at?: string;
}

@InputType()
export class TransitionTicketInput {
  @Field(() => ID)
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
  @Field(() => [TicketModel])
  nodes!: TicketModel[];

  @Field(() => Int, { description: 'How many tickets match the filter in all.' })
  totalCount!: number;

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null on the last page.' })
  endCursor!: string | null;

  @Field()
  hasNextPage!: boolean;
}
