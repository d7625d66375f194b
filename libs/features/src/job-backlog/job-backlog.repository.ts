import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export type JobBacklogRow = { queued: number; failed: number; oldest: Date | null };

/** Counts only: the rows are the tenants', the platform admin reads numbers (in the system scope the caller opens). */
@Injectable()
export class JobBacklogRepository {
  async counts(em: EntityManager): Promise<JobBacklogRow> {
    const [row]: JobBacklogRow[] =
      await em.query(`SELECT count(*) FILTER (WHERE status = 'queued')::int AS queued, count(*) FILTER (WHERE status = 'failed')::int AS failed,
                       min(created_at) FILTER (WHERE status = 'queued') AS oldest FROM jobs`);
    return row;
  }
}
