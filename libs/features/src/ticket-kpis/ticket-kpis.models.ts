import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('TicketKpi', {
  description:
    "A ratio KPI computed from the tickets of its period (Tianjin's response, resolution and vulnerability fix rates).",
})
export class TicketKpiModel {
  @Field({ description: 'The KPI id of the configuration.' })
  kpiId!: string;

  @Field({ description: 'The KPI as the configuration names it.' })
  name!: string;

  @Field({ description: 'response-rate | resolution-rate | vulnerability-closure-rate' })
  metric!: string;

  @Field({ description: 'The minimum, in percent, a decimal string.' })
  minPercent!: string;

  @Field({ description: "The KPI's period: a period id (2026-Q3), or term." })
  periodId!: string;

  @Field({ description: 'First day of the period (YYYY-MM-DD).' })
  periodStart!: string;

  @Field({ description: 'Last day of the period (YYYY-MM-DD).' })
  periodEnd!: string;

  @Field(() => Int, { description: 'Tickets of its categories raised in the period, not withdrawn.' })
  counted!: number;

  @Field(() => Int, { description: 'Of those, answered / resolved / closed by the day asked.' })
  achieved!: number;

  @Field(() => Int, { description: 'Of those not achieved, still open.' })
  open!: number;

  @Field(() => String, {
    nullable: true,
    description: 'achieved ÷ counted × 100, two decimals; null when none counts.',
  })
  rate!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'The exact ratio meets the minimum; null when none counts.' })
  meets!: boolean | null;

  @Field(() => [String], { description: 'Numbers of the tickets not achieved (the first 20).' })
  short!: string[];

  @Field(() => Int, { description: 'How many more are not achieved beyond those listed.' })
  shortMore!: number;

  /** The engine's code + params (kpi.rate); rendered by ticket-kpis-explanation.resolvers.ts. */
  stored!: unknown;
}

@ObjectType('TicketKpis', {
  description: "A period's KPIs from the tickets: the evidence for 服务合格 the buyer reads (the buyer still decides).",
})
export class TicketKpisModel {
  @Field(() => ID, { description: 'The contract.' })
  contractId!: string;

  @Field({ description: 'The period asked (a closable period id of the contract).' })
  period!: string;

  @Field({ description: "The day the tickets are read as of: today on the contract's calendar." })
  asOf!: string;

  @Field(() => [TicketKpiModel], { description: "The contract's KPIs over their periods the asked period ends in." })
  kpis!: TicketKpiModel[];
}
