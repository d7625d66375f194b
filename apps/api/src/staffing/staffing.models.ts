import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ProblemModel } from '../configuration/configuration.models';
import { JsonScalar, type JsonOutput } from '../graphql/json.scalar';

@ObjectType('StaffMember')
export class StaffMemberModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  contractId!: string;

  @Field({ description: "the vendor's key for the person (employee number)" })
  personId!: string;

  @Field()
  name!: string;

  @Field({ description: "a role id of the configuration's staffing plan" })
  roleId!: string;

  @Field({ description: 'on-site | remote | offshore' })
  placement!: string;

  @Field()
  fromDate!: string;

  @Field(() => String, { nullable: true, description: 'the last day on the contract (null: still on it)' })
  toDate!: string | null;
}

@ObjectType('StaffReplacement')
export class StaffReplacementModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  contractId!: string;

  @Field(() => ID)
  oldMemberId!: string;

  @Field(() => ID)
  newMemberId!: string;

  @Field()
  roleId!: string;

  @Field()
  appliedOn!: string;

  @Field({ description: 'the day the replacement takes up the post' })
  changeOn!: string;

  @Field(() => String, { nullable: true })
  handoverFrom!: string | null;

  @Field(() => String, { nullable: true })
  handoverTo!: string | null;

  @Field(() => Boolean, { nullable: true })
  interviewPassed!: boolean | null;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field({ description: 'true when the notice, handover and interview meet staffing.replacement' })
  ok!: boolean;

  @Field(() => [ProblemModel], {
    description: 'notice / handover / interview problems found when it was recorded (checkReplacement)',
  })
  problems!: ProblemModel[];

  @Field(() => Int, { nullable: true })
  noticeWorkingDays!: number | null;

  @Field(() => Int, { nullable: true })
  handoverWorkingDays!: number | null;

  @Field(() => [String])
  notes!: string[];
}

@ObjectType('TurnoverClass', { description: 'Turnover of a role class over the term (rule 10) against its cap.' })
export class TurnoverClassModel {
  @Field({ description: 'core | other' })
  class!: string;

  @Field(() => [String])
  roles!: string[];

  @Field(() => Int)
  plannedHeadcount!: number;

  @Field(() => Int)
  replaced!: number;

  @Field(() => String, { nullable: true, description: 'percent, two decimals' })
  ratePercent!: string | null;

  @Field(() => String, { nullable: true })
  capPercent!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'null: the contract sets no cap' })
  withinCap!: boolean | null;

  /** The engine's code + params (staffing.turnover); `explanation` / `explained` render it (staffing-explanation.resolvers.ts). */
  stored!: unknown;
}

@ObjectType('TeamCheck', { description: 'The active roster against the team minimums and role headcounts.' })
export class TeamCheckModel {
  @Field()
  ok!: boolean;

  @Field(() => [ProblemModel])
  problems!: ProblemModel[];

  @Field(() => JsonScalar, {
    description: 'checkTeamMinimums output: minimums with counts, roles with rostered and shortBy',
  })
  details!: JsonOutput;
}

@ObjectType('StaffRoster')
export class StaffRosterModel {
  @Field(() => ID)
  contractId!: string;

  @Field({ description: 'the day the active roster is taken on (default today, within the term)' })
  asOf!: string;

  @Field(() => [StaffMemberModel], { description: 'everyone who has been on the contract, by start date' })
  members!: StaffMemberModel[];

  @Field(() => [StaffReplacementModel])
  replacements!: StaffReplacementModel[];

  @Field(() => [TurnoverClassModel])
  turnover!: TurnoverClassModel[];

  @Field(() => TeamCheckModel)
  team!: TeamCheckModel;
}

@InputType()
export class AddStaffMemberInput {
  @Field(() => ID)
  contractId!: string;

  @Field()
  personId!: string;

  @Field()
  name!: string;

  @Field()
  roleId!: string;

  @Field(() => String, { nullable: true, description: "default: the role's placement" })
  placement?: string | null;

  @Field()
  fromDate!: string;

  @Field(() => String, { nullable: true })
  toDate?: string | null;
}

@InputType()
export class RecordReplacementInput {
  @Field(() => ID)
  contractId!: string;

  @Field(() => ID, { description: 'the staff member who leaves' })
  oldMemberId!: string;

  @Field()
  newPersonId!: string;

  @Field()
  newName!: string;

  @Field({ description: 'the day the application was submitted to the buyer' })
  appliedOn!: string;

  @Field({ description: 'the day the replacement takes up the post (the leaver’s last day is the day before)' })
  changeOn!: string;

  @Field(() => String, { nullable: true })
  handoverFrom?: string | null;

  @Field(() => String, { nullable: true })
  handoverTo?: string | null;

  @Field(() => Boolean, { nullable: true })
  interviewPassed?: boolean | null;

  @Field(() => String, { nullable: true })
  reason?: string | null;
}
