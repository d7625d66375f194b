import { Module } from '@nestjs/common';
import { JobBacklogResolver } from './job-backlog.resolver';
import { JobBacklogService } from './job-backlog.service';

/** The platform admin's count of waiting and failed jobs (resolver → service). */
@Module({ providers: [JobBacklogService, JobBacklogResolver] })
export class JobBacklogModule {}
