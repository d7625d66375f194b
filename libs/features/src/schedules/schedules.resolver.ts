import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { JobModel } from '../shared/job.models';
import {
  InvoiceModel,
  MarkPaidInput,
  PaymentModel,
  RecordInvoiceInput,
  ScheduleFilterInput,
  StoredScheduleModel,
} from './schedules.models';
import { markPaidArgs, paymentSchedulesArgs, recordInvoiceArgs } from './schedules.schemas';
import { SchedulesService } from './schedules.service';
import { ValidateInput } from '../graphql/validate-input.interceptor';

@Resolver(() => StoredScheduleModel)
export class SchedulesResolver {
  constructor(private readonly service: SchedulesService) {}

  @Query(() => StoredScheduleModel, {
    nullable: true,
    description:
      "A contract's current payment schedule (null until one has been computed: a close confirmed, a payment marked or a recompute asked).",
  })
  paymentSchedule(
    @Args('contractId', { type: () => ID, description: 'The contract.' }) contractId: string,
  ): Promise<StoredScheduleModel | null> {
    return this.service.forContract(contractId);
  }

  @Query(() => [StoredScheduleModel], {
    description:
      'Finance and buyers: the schedules of every contract of the tenant; vendors: of the contracts they hold. Lines filtered by due month and status.',
  })
  @ValidateInput(paymentSchedulesArgs)
  paymentSchedules(
    @Args('filter', { nullable: true, type: () => ScheduleFilterInput, description: 'Which lines; absent = all.' })
    filter?: ScheduleFilterInput | null,
  ): Promise<StoredScheduleModel[]> {
    return this.service.list(filter ?? null);
  }

  @Mutation(() => PaymentModel, {
    description: 'Finance: mark a schedule line paid (append-only); the schedule is recomputed.',
  })
  @ValidateInput(markPaidArgs)
  markPaid(@Args('input', { description: 'The line and the payment.' }) input: MarkPaidInput): Promise<PaymentModel> {
    return this.service.markPaid(input);
  }

  @Mutation(() => InvoiceModel, {
    description:
      'Finance: record a VAT invoice received for a schedule line (Qinghai: each payment waits for it); the schedule is recomputed.',
  })
  @ValidateInput(recordInvoiceArgs, 'defer')
  recordInvoice(
    @Args('input', { description: 'The line and the invoice.' }) input: RecordInvoiceInput,
  ): Promise<InvoiceModel> {
    return this.service.recordInvoice(input);
  }

  @Mutation(() => JobModel, {
    description: "Buyer roles and finance: recompute a contract's payment schedule now (e.g. for today's statuses).",
  })
  recomputeSchedule(
    @Args('contractId', { type: () => ID, description: 'The contract.' }) contractId: string,
  ): Promise<JobModel> {
    return this.service.recompute(contractId);
  }
}
