import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ProblemModel } from '../shared/problem.models';
import { JsonScalar, type JsonOutput } from '../graphql/json.scalar';

@ObjectType('StaffMember', { description: "A person on a contract's roster, in one role." })
export class StaffMemberModel {
  @Field(() => ID, { description: 'The staff member id (UUID).' })
  id!: string;

  @Field(() => ID, { description: 'The contract.' })
  contractId!: string;

  @Field({ description: "the vendor's key for the person (employee number)" })
  personId!: string;

  @Field({ description: 'The person name.' })
  name!: string;

  @Field({ description: "a role id of the configuration's staffing plan" })
  roleId!: string;

  @Field({ description: 'on-site | remote | offshore' })
  placement!: string;

  @Field({ description: 'The first day on the contract, YYYY-MM-DD local date.' })
  fromDate!: string;

  @Field(() => String, { nullable: true, description: 'the last day on the contract (null: still on it)' })
  toDate!: string | null;
}

@ObjectType('StaffReplacement', {
  description: 'A replacement of a staff member, checked against staffing.replacement when recorded.',
})
export class StaffReplacementModel {
  @Field(() => ID, { description: 'The replacement id (UUID).' })
  id!: string;

  @Field(() => ID, { description: 'The contract.' })
  contractId!: string;

  @Field(() => ID, { description: 'The staff member who leaves.' })
  oldMemberId!: string;

  @Field(() => ID, { description: 'The staff member who takes up the post.' })
  newMemberId!: string;

  @Field({ description: "The role (a role id of the configuration's staffing plan)." })
  roleId!: string;

  @Field({ description: 'The day the application was submitted to the buyer, YYYY-MM-DD local date.' })
  appliedOn!: string;

  @Field({ description: 'the day the replacement takes up the post' })
  changeOn!: string;

  @Field(() => String, { nullable: true, description: 'First day of the handover, YYYY-MM-DD local date.' })
  handoverFrom!: string | null;

  @Field(() => String, { nullable: true, description: 'Last day of the handover (included), YYYY-MM-DD local date.' })
  handoverTo!: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "The buyer's interview of the replacement: passed, failed, or null when not recorded.",
  })
  interviewPassed!: boolean | null;

  @Field(() => String, { nullable: true, description: 'Why the member is replaced.' })
  reason!: string | null;

  @Field({ description: 'true when the notice, handover and interview meet staffing.replacement' })
  ok!: boolean;

  @Field(() => [ProblemModel], {
    description: 'notice / handover / interview problems found when it was recorded (checkReplacement)',
  })
  problems!: ProblemModel[];

  @Field(() => Int, {
    nullable: true,
    description:
      'Working days after the application day up to the change day; null when the contract sets no rule or the input was invalid.',
  })
  noticeWorkingDays!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Working days of the handover, both days included; null when not checked.',
  })
  handoverWorkingDays!: number | null;

  @Field(() => [String], { description: 'Remarks of the check in English, e.g. that the interview is not recorded.' })
  notes!: string[];
}

@ObjectType('TurnoverClass', { description: 'Turnover of a role class over the term (rule 10) against its cap.' })
export class TurnoverClassModel {
  @Field({ description: 'core | other' })
  class!: string;

  @Field(() => [String], { description: 'The role ids of the class.' })
  roles!: string[];

  @Field(() => Int, { description: 'The planned headcount of those roles.' })
  plannedHeadcount!: number;

  @Field(() => Int, { description: 'Replacements in those roles over the term.' })
  replaced!: number;

  @Field(() => String, {
    nullable: true,
    description: 'replaced ÷ planned × 100, a decimal string; null when nothing is planned.',
  })
  ratePercent!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The cap in percent (staffing.turnoverCaps), a decimal string; null: no cap.',
  })
  capPercent!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'null: the contract sets no cap' })
  withinCap!: boolean | null;

  /** The engine's code + params (staffing.turnover); `explanation` / `explained` render it (staffing-explanation.resolvers.ts). */
  stored!: unknown;
}

@ObjectType('TeamCheck', { description: 'The active roster against the team minimums and role headcounts.' })
export class TeamCheckModel {
  @Field({ description: 'True when every minimum and headcount is met.' })
  ok!: boolean;

  @Field(() => [ProblemModel], { description: 'The minimums and headcounts not met.' })
  problems!: ProblemModel[];

  @Field(() => JsonScalar, {
    description: 'checkTeamMinimums output: minimums with counts, roles with rostered and shortBy',
  })
  details!: JsonOutput;
}

@ObjectType('StaffRoster', {
  description: "A contract's staffing on a day: roster, replacements, turnover and team check.",
})
export class StaffRosterModel {
  @Field(() => ID, { description: 'The contract.' })
  contractId!: string;

  @Field({ description: 'the day the active roster is taken on (default today, within the term)' })
  asOf!: string;

  @Field(() => [StaffMemberModel], { description: 'everyone who has been on the contract, by start date' })
  members!: StaffMemberModel[];

  @Field(() => [StaffReplacementModel], { description: 'Every replacement recorded.' })
  replacements!: StaffReplacementModel[];

  @Field(() => [TurnoverClassModel], { description: 'Turnover of the core and the other roles.' })
  turnover!: TurnoverClassModel[];

  @Field(() => TeamCheckModel, { description: 'The active roster on asOf against the team minimums.' })
  team!: TeamCheckModel;
}

@InputType({ description: 'A person to put on the roster.' })
export class AddStaffMemberInput {
  @Field(() => ID, { description: 'The contract.' })
  contractId!: string;

  @Field({ description: "The vendor's key for the person (employee number)." })
  personId!: string;

  @Field({ description: 'The person name.' })
  name!: string;

  @Field({ description: "A role id of the configuration's staffing plan." })
  roleId!: string;

  @Field(() => String, { nullable: true, description: "default: the role's placement" })
  placement?: string | null;

  @Field({ description: 'The first day on the contract, YYYY-MM-DD local date.' })
  fromDate!: string;

  @Field(() => String, { nullable: true, description: 'The last day on the contract, YYYY-MM-DD; absent: open-ended.' })
  toDate?: string | null;
}

@InputType({ description: 'A replacement of a staff member by a new person.' })
export class RecordReplacementInput {
  @Field(() => ID, { description: 'The contract.' })
  contractId!: string;

  @Field(() => ID, { description: 'the staff member who leaves' })
  oldMemberId!: string;

  @Field({ description: "The vendor's key for the new person (employee number)." })
  newPersonId!: string;

  @Field({ description: 'The new person name.' })
  newName!: string;

  @Field({ description: 'the day the application was submitted to the buyer' })
  appliedOn!: string;

  @Field({ description: 'the day the replacement takes up the post (the leaver’s last day is the day before)' })
  changeOn!: string;

  @Field(() => String, { nullable: true, description: 'First day of the handover, YYYY-MM-DD local date.' })
  handoverFrom?: string | null;

  @Field(() => String, { nullable: true, description: 'Last day of the handover (included), YYYY-MM-DD local date.' })
  handoverTo?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "The buyer's interview of the replacement; absent: not recorded.",
  })
  interviewPassed?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Why the member is replaced.' })
  reason?: string | null;
}
