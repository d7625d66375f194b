import { Query, Resolver } from '@nestjs/graphql';
import { JobBacklogModel } from './job-backlog.models';
import { JobBacklogService } from './job-backlog.service';

@Resolver()
export class JobBacklogResolver {
  constructor(private readonly service: JobBacklogService) {}

  @Query(() => JobBacklogModel, {
    description: 'Platform admin: how many jobs wait or failed, over every tenant (counts only).',
  })
  jobBacklog(): Promise<JobBacklogModel> {
    return this.service.backlog();
  }
}
