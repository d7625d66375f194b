import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ExportModel, RequestExportInput } from './exports.models';
import { ExportsService } from './exports.service';

@Resolver(() => ExportModel)
export class ExportsResolver {
  constructor(private readonly service: ExportsService) {}

  @Mutation(() => ExportModel, {
    description:
      'Export payment schedules (the latest stored schedule of the contract, or of every contract of the tenant when contractId is absent) as CSV or XLSX. ' +
      'Returns the export QUEUED; a job renders it (poll export(id) until READY, then GET downloadPath with the same token). ' +
      'Buyer roles and finance of the tenant; the vendor for a contract it holds (tenant-wide: FORBIDDEN).',
  })
  requestExport(
    @Args('input', { description: 'The contract (or none) and the format.' }) input: RequestExportInput,
  ): Promise<ExportModel> {
    return this.service.request(input);
  }

  @Query(() => ExportModel, { description: 'An export the caller can see (its tenant’s; a vendor its own).' })
  export(@Args('id', { type: () => ID, description: 'The export id.' }) id: string): Promise<ExportModel> {
    return this.service.get(id);
  }
}
