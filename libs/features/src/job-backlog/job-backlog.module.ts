import { Module } from '@nestjs/common';
import { JobBacklogRepository } from './job-backlog.repository';
import { JobBacklogResolver } from './job-backlog.resolver';
import { JobBacklogService } from './job-backlog.service';

/** The platform admin's count of waiting and failed jobs (resolver → service). */
@Module({ providers: [JobBacklogRepository, JobBacklogService, JobBacklogResolver] })
export class JobBacklogModule {}
