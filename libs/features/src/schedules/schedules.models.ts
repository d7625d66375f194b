import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { JsonScalar, type JsonOutput } from '../graphql/json.scalar';
import { MoneyScalar } from '../graphql/money.scalar';
import { ScheduleModel } from '../settlement';

@ObjectType('Payment', { description: 'A payment finance marked against a schedule line.' })
export class PaymentModel {
  @Field(() => ID, { description: 'The payment id (UUID).' })
  id!: string;

  @Field(() => ID, { description: 'The contract.' })
  contractId!: string;

  @Field({ description: 'The schedule line paid (e.g. quarterly.2026-Q1).' })
  lineId!: string;

  @Field(() => MoneyScalar, { description: 'The amount paid, in yuan.' })
  amount!: string;

  @Field({ description: 'The day it was paid, YYYY-MM-DD local date.' })
  paidOn!: string;

  @Field(() => String, { nullable: true, description: 'Voucher or transfer reference.' })
  reference!: string | null;

  @Field({ description: 'When it was recorded (ISO 8601 instant).' })
  createdAt!: Date;
}

@ObjectType('Invoice', { description: 'A VAT invoice the buyer received for a schedule line (Qinghai 002:428).' })
export class InvoiceModel {
  @Field(() => ID, { description: 'The invoice record id (UUID).' })
  id!: string;

  @Field(() => ID, { description: 'The contract.' })
  contractId!: string;

  @Field({ description: 'The schedule line it is for (e.g. half-year-payment.2026-H1).' })
  lineId!: string;

  @Field({ description: 'The invoice number (发票号码).' })
  number!: string;

  @Field(() => MoneyScalar, { description: 'The invoiced amount, in yuan.' })
  amount!: string;

  @Field({ description: 'The day the buyer received it, YYYY-MM-DD local date.' })
  receivedOn!: string;
}

@ObjectType('StoredSchedule', {
  description:
    "A contract's stored payment schedule: the latest the schedule job computed, with what it was computed from.",
})
export class StoredScheduleModel {
  @Field(() => ID, { description: 'The contract.' })
  contractId!: string;

  @Field({ description: 'The contract code.' })
  contractCode!: string;

  @Field({ description: 'The contract name.' })
  contractName!: string;

  @Field(() => Int, { description: 'The configuration version the schedule was computed with.' })
  configVersion!: number;

  @Field({ description: 'The calendar version the schedule was computed on.' })
  calendarVersion!: string;

  @Field({ description: 'The date the statuses (scheduled, due, withheld, paid) are as of.' })
  asOf!: string;

  @Field({ description: 'When the schedule job computed it (ISO 8601 instant).' })
  computedAt!: Date;

  @Field(() => JsonScalar, {
    description: 'Confirmed closes (id, period, revision), payments and adjustments it was computed from.',
  })
  basis!: JsonOutput;

  @Field(() => ScheduleModel, { description: 'The schedule itself.' })
  schedule!: ScheduleModel;

  @Field(() => [PaymentModel], { description: 'The payments marked on the contract.' })
  payments!: PaymentModel[];
}

@InputType({ description: 'A payment of a schedule line.' })
export class MarkPaidInput {
  @Field(() => ID, { description: 'The contract.' })
  contractId!: string;

  @Field({ description: 'The schedule line (e.g. quarterly.2026-Q1).' })
  lineId!: string;

  @Field(() => MoneyScalar, { description: 'The amount paid, in yuan.' })
  amount!: string;

  @Field({ description: 'The day it was paid, YYYY-MM-DD local date.' })
  paidOn!: string;

  @Field(() => String, { nullable: true, description: 'Voucher or transfer reference.' })
  reference?: string | null;
}

@InputType({ description: 'Finance: a VAT invoice received for a schedule line.' })
export class RecordInvoiceInput {
  @Field(() => ID, { description: 'The contract.' })
  contractId!: string;

  @Field({ description: 'The schedule line (e.g. half-year-payment.2026-H1).' })
  lineId!: string;

  @Field({ description: 'The invoice number (发票号码).' })
  number!: string;

  @Field(() => MoneyScalar, {
    description: "The invoiced amount, in yuan (the line's payable amount meets the condition).",
  })
  amount!: string;

  @Field({ description: 'The day it was received, YYYY-MM-DD local date, not after today.' })
  receivedOn!: string;
}

@InputType({ description: 'Which schedule lines to list; every given part must hold (and).' })
export class ScheduleFilterInput {
  @Field(() => String, { nullable: true, description: 'YYYY-MM: only lines due in that month.' })
  dueMonth?: string | null;

  @Field(() => String, { nullable: true, description: 'scheduled | due | withheld | paid | forfeited' })
  status?: string | null;
}
