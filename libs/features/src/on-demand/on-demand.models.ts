import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('OnDemandCall', {
  description: 'A call of the buyer on an on-demand obligation (a 重保, an emergency response) and its service.',
})
export class OnDemandCallModel {
  @Field(() => ID, { description: 'The call id (UUID).' })
  id!: string;

  @Field(() => ID, { description: 'The contract.' })
  contractId!: string;

  @Field({ description: "The obligation called on (an id of the configuration's obligations, basis on-demand)." })
  obligationId!: string;

  @Field({ description: 'The day the buyer called, YYYY-MM-DD local date.' })
  calledOn!: string;

  @Field({ description: 'The day the service is due, YYYY-MM-DD local date.' })
  dueOn!: string;

  @Field({ description: "What the call is about (the event, the incident), as the buyer typed it; '' when not given." })
  subject!: string;

  @Field({ description: 'served (by its due day) | late | missed (past due, not served) | pending — as of today' })
  status!: string;

  @Field(() => String, { nullable: true, description: 'The day the vendor served it; null until recorded.' })
  servedOn!: string | null;

  @Field(() => String, { nullable: true, description: "The vendor's evidence of the service (report, record)." })
  serviceEvidence!: string | null;
}

@ObjectType('OnDemandObligation', {
  description:
    'One period of an on-demand obligation (domain rule 14): the calls made against the committed capacity, served, late, missed and open.',
})
export class OnDemandObligationModel {
  @Field({ description: 'The obligation id.' })
  obligationId!: string;

  @Field({ description: "The obligation's label as configured." })
  label!: string;

  @Field({ description: 'The period: 2026, 2026-Q3 … or term.' })
  occurrence!: string;

  @Field({ description: 'First day of the period, YYYY-MM-DD local date.' })
  from!: string;

  @Field({ description: 'Last day of the period, YYYY-MM-DD local date.' })
  to!: string;

  @Field(() => Int, {
    description:
      'The capacity the vendor committed to in the period (the configured count); 0: every request, no number.',
  })
  capacity!: number;

  @Field(() => Int, {
    nullable: true,
    description:
      'A call is due this many calendar days after it (the buyer may give another day); null: the buyer gives it.',
  })
  respondWithinDays!: number | null;

  @Field(() => Int, { description: 'Calls the buyer made in the period.' })
  called!: number;

  @Field(() => Int, { description: 'Calls served by their due day.' })
  served!: number;

  @Field(() => Int, { description: 'Calls served after their due day (a breach).' })
  late!: number;

  @Field(() => Int, { description: 'Calls past their due day and not served (a breach).' })
  missed!: number;

  @Field(() => Int, { description: 'Calls not yet due and not yet served.' })
  pending!: number;

  @Field(() => Int, { description: 'Calls beyond the committed capacity (listed; the buyer may negotiate them).' })
  beyondCapacity!: number;

  @Field({ description: 'met | late | missing | pending — a missed call first, then a late one, then open calls.' })
  status!: string;

  @Field(() => [OnDemandCallModel], { description: 'The calls of the period, by due day.' })
  calls!: OnDemandCallModel[];

  /** The engine's code + params (obligation.onDemand); rendered by on-demand-explanation.resolvers.ts. */
  stored!: unknown;
}

@ObjectType('OnDemandRegister', { description: "A contract's on-demand obligations, their calls and services." })
export class OnDemandRegisterModel {
  @Field(() => ID, { description: 'The contract.' })
  contractId!: string;

  @Field({ description: 'The day the statuses are judged on (today in the contract time zone), YYYY-MM-DD.' })
  asOf!: string;

  @Field(() => [OnDemandObligationModel], {
    description: 'Per on-demand obligation and period of the term; empty when the contract has none.',
  })
  obligations!: OnDemandObligationModel[];
}

@InputType('RecordOnDemandCallInput', { description: 'Buyer: call on an on-demand obligation.' })
export class RecordOnDemandCallInput {
  @Field(() => ID, { description: 'The contract.' })
  contractId!: string;

  @Field({ description: 'An obligation id of the configuration with basis on-demand.' })
  obligationId!: string;

  @Field({ description: 'The day of the call, YYYY-MM-DD local date, within the term.' })
  calledOn!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "The day the service is due (the event day), YYYY-MM-DD, not before the call; absent: the obligation's respondWithinDays after the call (required without it).",
  })
  dueOn?: string | null;

  @Field(() => String, { nullable: true, description: 'What the call is about (the event, the incident).' })
  subject?: string | null;
}

@InputType('ServeOnDemandCallInput', { description: 'Vendor: record the service of a call, with its evidence.' })
export class ServeOnDemandCallInput {
  @Field(() => ID, { description: 'The contract.' })
  contractId!: string;

  @Field(() => ID, { description: 'The call.' })
  callId!: string;

  @Field({ description: 'The day it was served, YYYY-MM-DD local date, not before the call nor after today.' })
  servedOn!: string;

  @Field({ description: 'What proves it (保障方案, 处理报告 …).' })
  evidence!: string;
}
