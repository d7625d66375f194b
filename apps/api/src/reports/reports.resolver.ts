import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { MonthlyReportModel, SaveMonthlyReportInput } from './reports.models';
import { ReportsService } from './reports.service';

@Resolver(() => MonthlyReportModel)
export class ReportsResolver {
  constructor(private readonly service: ReportsService) {}

  @Query(() => [MonthlyReportModel], {
    description: "A contract's monthly reports, oldest month first, each with its summary.",
  })
  monthlyReports(@Args('contractId', { type: () => ID }) contractId: string): Promise<MonthlyReportModel[]> {
    return this.service.list(contractId);
  }

  @Query(() => MonthlyReportModel)
  monthlyReport(@Args('id', { type: () => ID }) id: string): Promise<MonthlyReportModel> {
    return this.service.get(id);
  }

  @Mutation(() => MonthlyReportModel, {
    description:
      'Vendor: create or replace the draft of a month (validated; every problem reported; a returned report becomes a draft again).',
  })
  saveMonthlyReport(@Args('input') input: SaveMonthlyReportInput): Promise<MonthlyReportModel> {
    return this.service.save(input);
  }

  @Mutation(() => MonthlyReportModel, { description: 'Vendor: submit a draft to the buyer.' })
  submitMonthlyReport(@Args('reportId', { type: () => ID }) reportId: string): Promise<MonthlyReportModel> {
    return this.service.submit(reportId);
  }

  @Mutation(() => MonthlyReportModel, { description: 'Buyer: accept a submitted report; it is locked from then on.' })
  acceptMonthlyReport(@Args('reportId', { type: () => ID }) reportId: string): Promise<MonthlyReportModel> {
    return this.service.decide(reportId, 'accepted');
  }

  @Mutation(() => MonthlyReportModel, { description: 'Buyer: return a submitted report to the vendor with a comment.' })
  returnMonthlyReport(
    @Args('reportId', { type: () => ID }) reportId: string,
    @Args('comment') comment: string,
  ): Promise<MonthlyReportModel> {
    return this.service.decide(reportId, 'returned', comment);
  }
}
