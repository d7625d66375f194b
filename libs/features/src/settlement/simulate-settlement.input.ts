import { Field, ID, InputType } from '@nestjs/graphql';
import { JsonScalar, type JsonValue } from '../graphql/json.scalar';

@InputType({ description: 'Assumed inputs for a what-if settlement. Give exactly one of presetId and configuration.' })
export class SimulateSettlementInput {
  @Field(() => ID, { nullable: true, description: 'Simulate on a preset, e.g. "huaian-2025-2026".' })
  presetId?: string;

  @Field(() => JsonScalar, {
    nullable: true,
    description: 'Or on a configuration written in the configuration language.',
  })
  configuration?: JsonValue;

  @Field(() => JsonScalar, {
    nullable: true,
    description: 'Payment facts: periods, years, quarters, attendance, acceptance, payments, adjustments …',
  })
  facts?: JsonValue;

  @Field(() => JsonScalar, {
    nullable: true,
    description: 'Assessment inputs to score first: [{ period, inputs, assessedOn? }].',
  })
  assessments?: JsonValue;

  @Field(() => JsonScalar, { nullable: true, description: 'Baseline { facts?, assessments? } to compare against.' })
  baseline?: JsonValue;

  @Field({ description: 'The date the schedule is computed as of (YYYY-MM-DD).' })
  asOf!: string;
}
