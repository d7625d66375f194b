import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { JsonScalar, type JsonOutput } from '../graphql/json.scalar';
import { MoneyScalar } from '../graphql/money.scalar';
import { ScheduleModel } from '../settlement/settlement.models';

@ObjectType({ description: 'A payment finance marked against a schedule line.' })
export class PaymentModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  contractId!: string;

  @Field()
  lineId!: string;

  @Field(() => MoneyScalar)
  amount!: string;

  @Field()
  paidOn!: string;

  @Field(() => String, { nullable: true })
  reference!: string | null;

  @Field()
  createdAt!: Date;
}

@ObjectType({
  description:
    "A contract's stored payment schedule: the latest the schedule job computed, with what it was computed from.",
})
export class StoredScheduleModel {
  @Field(() => ID)
  contractId!: string;

  @Field()
  contractCode!: string;

  @Field()
  contractName!: string;

  @Field(() => Int)
  configVersion!: number;

  @Field()
  calendarVersion!: string;

  @Field({ description: 'The date the statuses (scheduled, due, withheld, paid) are as of.' })
  asOf!: string;

  @Field()
  computedAt!: Date;

  @Field(() => JsonScalar, {
    description: 'Confirmed closes (id, period, revision), payments and adjustments it was computed from.',
  })
  basis!: JsonOutput;

  @Field(() => ScheduleModel)
  schedule!: ScheduleModel;

  @Field(() => [PaymentModel])
  payments!: PaymentModel[];
}

@InputType()
export class MarkPaidInput {
  @Field(() => ID)
  contractId!: string;

  @Field({ description: 'The schedule line (e.g. quarterly.2026-Q1).' })
  lineId!: string;

  @Field(() => MoneyScalar)
  amount!: string;

  @Field({ description: 'YYYY-MM-DD' })
  paidOn!: string;

  @Field(() => String, { nullable: true, description: 'Voucher or transfer reference.' })
  reference?: string | null;
}

@InputType()
export class ScheduleFilterInput {
  @Field(() => String, { nullable: true, description: 'YYYY-MM: only lines due in that month.' })
  dueMonth?: string | null;

  @Field(() => String, { nullable: true, description: 'scheduled | due | withheld | paid | forfeited' })
  status?: string | null;
}
