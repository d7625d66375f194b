import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  CloseLineModel,
  ClosePeriodInput,
  PeriodCloseModel,
  PeriodClosePreviewModel,
  RecordAdjustmentInput,
  ReopenPeriodCloseInput,
} from './period-close.models';
import { TermPeriodModel } from '../shared/term-period.models';
import { recordAdjustmentArgs, reopenPeriodCloseArgs } from './period-close.schemas';
import { PeriodCloseService } from './period-close.service';
import { ValidateInput } from '../graphql/validate-input.interceptor';
import { JobModel } from '../shared/job.models';

@Resolver(() => PeriodCloseModel)
export class PeriodCloseResolver {
  constructor(private readonly service: PeriodCloseService) {}

  @Query(() => PeriodClosePreviewModel, {
    description:
      'Preview of closing a period, computed from what is in the ledger (configuration, period inputs, tickets, accepted monthly reports): ' +
      'the assessment with its breakdown, the year score when the period completes a year, derived metrics, missing inputs and the payment schedule. ' +
      'Read-only: stores nothing and locks nothing. Buyer roles, finance and the vendor holding the contract.',
  })
  previewPeriodClose(
    @Args('contractId', { type: () => ID, description: 'The contract.' }) contractId: string,
    @Args('period', {
      description:
        'A period the contract closes by, e.g. 2026-H2 (its assessment scheme; quarters or years without one).',
    })
    period: string,
    @Args('asOf', { nullable: true, type: () => String, description: 'YYYY-MM-DD; default today in Asia/Shanghai.' })
    asOf?: string | null,
  ): Promise<PeriodClosePreviewModel> {
    return this.service.preview(contractId, period, asOf ?? null);
  }

  @Mutation(() => PeriodCloseModel, {
    description:
      'Buyer admin or staff: close a period. Records a pending close and its job; the worker computes the draft (poll periodClose or job). ' +
      'A period with a live close returns that close, unless the inputs it was computed from changed (period inputs, tickets, accepted reports, configuration, calendar): ' +
      'a pending or draft close is then superseded (reopenCode INPUTS_CHANGED) by the next revision; a confirmed close is returned with inputsChanged (it is never recomputed: correct it with an adjustment).',
  })
  closePeriod(
    @Args('input', { description: 'The contract, period and date.' }) input: ClosePeriodInput,
  ): Promise<PeriodCloseModel> {
    return this.service.close(input);
  }

  @Mutation(() => PeriodCloseModel, {
    description:
      "Buyer admin: confirm a computed draft. It becomes immutable, the period's inputs are locked and the payment schedule is recomputed. " +
      'Refused (CONFLICT, extensions.refusal CLOSE_INPUTS_CHANGED) when the inputs changed since the draft was computed: request the close again; ' +
      'refused (CONFLICT, extensions.refusal CLOSE_INPUTS_MISSING) while inputs are missing unless a reason is given, which the close records with the missing inputs.',
  })
  confirmPeriodClose(
    @Args('closeId', { type: () => ID, description: 'The draft close to confirm.' }) closeId: string,
    @Args('reason', {
      nullable: true,
      type: () => String,
      description: 'Why the close is confirmed although inputs are missing (required then, recorded on the close).',
    })
    reason?: string | null,
  ): Promise<PeriodCloseModel> {
    return this.service.confirm(closeId, reason ?? null);
  }

  @Mutation(() => PeriodCloseModel, {
    description:
      'Buyer admin: reopen a draft (or pending) close with a reason; returns the next revision, computed again on the current configuration.',
  })
  @ValidateInput(reopenPeriodCloseArgs)
  reopenPeriodClose(
    @Args('input', { description: 'The close and the reason.' }) input: ReopenPeriodCloseInput,
  ): Promise<PeriodCloseModel> {
    return this.service.reopen(input);
  }

  @Mutation(() => CloseLineModel, {
    description:
      'Buyer admin: correct a confirmed close with an adjustment line booked in the next open period (history is never edited).',
  })
  @ValidateInput(recordAdjustmentArgs)
  recordAdjustment(
    @Args('input', { description: 'The close corrected, the amount and the reason.' }) input: RecordAdjustmentInput,
  ): Promise<CloseLineModel> {
    return this.service.recordAdjustment(input);
  }

  @Query(() => [TermPeriodModel], {
    description:
      "The periods a close of the contract can target, oldest first: its assessment scheme's periods, else quarters (quarter qualification) or years. Everyone who reads the period's inputs.",
  })
  closablePeriods(
    @Args('contractId', { type: () => ID, description: 'The contract.' }) contractId: string,
  ): Promise<TermPeriodModel[]> {
    return this.service.closablePeriods(contractId);
  }

  @Query(() => PeriodCloseModel, {
    description: 'A period close with its result (assessment breakdown, flags, deductions) and lines.',
  })
  periodClose(@Args('id', { type: () => ID, description: 'The close id.' }) id: string): Promise<PeriodCloseModel> {
    return this.service.get(id);
  }

  @Query(() => [PeriodCloseModel], { description: 'Every close of a contract, all revisions, by period.' })
  periodCloses(
    @Args('contractId', { type: () => ID, description: 'The contract.' }) contractId: string,
  ): Promise<PeriodCloseModel[]> {
    return this.service.list(contractId);
  }

  @Query(() => JobModel, {
    description: 'A job of your tenant (or one you asked for): status, attempts, last error, result.',
  })
  job(@Args('id', { type: () => ID, description: 'The job id.' }) id: string): Promise<JobModel> {
    return this.service.job(id);
  }
}
