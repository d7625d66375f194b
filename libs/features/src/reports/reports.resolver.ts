import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { MonthlyReportModel, SaveMonthlyReportInput } from './reports.models';
import { returnMonthlyReportArgs, saveMonthlyReportArgs } from './reports.schemas';
import { ReportsService } from './reports.service';
import { ValidateInput } from '../graphql/validate-input.interceptor';

@Resolver(() => MonthlyReportModel)
export class ReportsResolver {
  constructor(private readonly service: ReportsService) {}

  @Query(() => [MonthlyReportModel], {
    description: "A contract's monthly reports, oldest month first, each with its summary.",
  })
  monthlyReports(
    @Args('contractId', { type: () => ID, description: 'The contract.' }) contractId: string,
  ): Promise<MonthlyReportModel[]> {
    return this.service.list(contractId);
  }

  @Query(() => MonthlyReportModel, { description: 'One monthly report, with its summary.' })
  monthlyReport(
    @Args('id', { type: () => ID, description: 'The report id.' }) id: string,
  ): Promise<MonthlyReportModel> {
    return this.service.get(id);
  }

  @Mutation(() => MonthlyReportModel, {
    description:
      'Vendor: create or replace the draft of a month (validated; every problem reported; a returned report becomes a draft again).',
  })
  @ValidateInput(saveMonthlyReportArgs, 'defer')
  saveMonthlyReport(
    @Args('input', { description: 'The contract, month and report.' }) input: SaveMonthlyReportInput,
  ): Promise<MonthlyReportModel> {
    return this.service.save(input);
  }

  @Mutation(() => MonthlyReportModel, { description: 'Vendor: submit a draft to the buyer.' })
  submitMonthlyReport(
    @Args('reportId', { type: () => ID, description: 'The draft report.' }) reportId: string,
  ): Promise<MonthlyReportModel> {
    return this.service.submit(reportId);
  }

  @Mutation(() => MonthlyReportModel, { description: 'Buyer: accept a submitted report; it is locked from then on.' })
  acceptMonthlyReport(
    @Args('reportId', { type: () => ID, description: 'The submitted report.' }) reportId: string,
  ): Promise<MonthlyReportModel> {
    return this.service.decide(reportId, 'accepted');
  }

  @Mutation(() => MonthlyReportModel, { description: 'Buyer: return a submitted report to the vendor with a comment.' })
  @ValidateInput(returnMonthlyReportArgs)
  returnMonthlyReport(
    @Args('reportId', { type: () => ID, description: 'The submitted report.' }) reportId: string,
    @Args('comment', { description: 'Why it is returned (required).' }) comment: string,
  ): Promise<MonthlyReportModel> {
    return this.service.decide(reportId, 'returned', comment);
  }
}
