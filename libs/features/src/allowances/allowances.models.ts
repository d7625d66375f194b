import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';

@ObjectType('AllowanceWork', { description: 'Work the vendor logged against a free-work allowance.' })
export class AllowanceWorkModel {
  @Field(() => ID, { description: 'The work line id (UUID).' })
  id!: string;

  @Field(() => ID, { description: 'The contract.' })
  contractId!: string;

  @Field({ description: "The allowance (an id of the configuration's staffing.allowances)." })
  allowanceId!: string;

  @Field(() => ID, { nullable: true, description: 'The request (ticket) the work was for.' })
  ticketId!: string | null;

  @Field(() => String, { nullable: true, description: "The request's number (联系单号)." })
  ticketNumber!: string | null;

  @Field({ description: 'The day the work was done, YYYY-MM-DD local date.' })
  workedOn!: string;

  @Field({ description: "The amount in the allowance's unit (person-months or working days), two decimals." })
  amount!: string;

  @Field({ description: 'What was done.' })
  description!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The part of this line beyond the allowance (to negotiate), two decimals; null when within it.',
  })
  beyond!: string | null;
}

@ObjectType('AllowanceUsage', {
  description: 'One allowance in one scope (the term, a year, a request): used, remaining, beyond (domain rule 15).',
})
export class AllowanceUsageModel {
  @Field({ description: 'The allowance id.' })
  allowanceId!: string;

  @Field({ description: 'What the allowance covers, as configured.' })
  description!: string;

  @Field({ description: 'person-months | working-days' })
  unit!: string;

  @Field({ description: 'term | year | request' })
  per!: string;

  @Field({ description: 'Included in the price (free) or not, as configured.' })
  free!: boolean;

  @Field({ description: 'term, a year (2026) or request-<ticket number>.' })
  scope!: string;

  @Field({ description: 'The allowance, two decimals.' })
  amount!: string;

  @Field({ description: 'Logged in the scope, two decimals.' })
  used!: string;

  @Field({ description: 'Left, two decimals (0.00 once used up).' })
  remaining!: string;

  @Field(() => String, { nullable: true, description: 'used ÷ amount, percent, two decimals, half up.' })
  percent!: string | null;

  @Field({ description: 'ok (< 80 %) | warning (≥ 80 %) | exhausted (= 100 %) | beyond (> 100 %)' })
  level!: string;

  @Field({ description: 'Work beyond the allowance, for negotiation (never billed by the system), two decimals.' })
  beyond!: string;

  /** The engine's code + params (allowance.usage); rendered by allowance-explanation.resolvers.ts. */
  stored!: unknown;
}

@ObjectType('AllowanceRegister', { description: "A contract's free-work allowances and the work logged on them." })
export class AllowanceRegisterModel {
  @Field(() => ID, { description: 'The contract.' })
  contractId!: string;

  @Field({ description: 'Today in the contract time zone, YYYY-MM-DD (the default day of a new work line).' })
  asOf!: string;

  @Field(() => [AllowanceUsageModel], { description: 'Per allowance and scope; empty without allowances.' })
  usage!: AllowanceUsageModel[];

  @Field(() => [AllowanceWorkModel], { description: 'Every work line, in the order it was logged.' })
  work!: AllowanceWorkModel[];
}

@InputType('LogAllowanceWorkInput', { description: 'Vendor: log work against a free-work allowance.' })
export class LogAllowanceWorkInput {
  @Field(() => ID, { description: 'The contract.' })
  contractId!: string;

  @Field({ description: "An allowance id of the configuration's staffing.allowances." })
  allowanceId!: string;

  @Field(() => ID, { nullable: true, description: 'The request (ticket) the work was for; required per request.' })
  ticketId?: string | null;

  @Field({ description: 'The day the work was done, YYYY-MM-DD, in the term and not in a confirmed period.' })
  workedOn!: string;

  @Field({ description: "The amount in the allowance's unit, decimal text above 0, at most two decimals (e.g. 1.5)." })
  amount!: string;

  @Field({ description: 'What was done (the requirement, the interface).' })
  description!: string;
}
