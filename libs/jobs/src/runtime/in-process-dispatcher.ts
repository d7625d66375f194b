import { Logger } from '@nestjs/common';
import type { JobName } from '@ledger/contracts';
import { JobDispatcher } from './job-dispatcher';
import type { JobExecutor } from './job-executor';
import { UnrecoverableJobError } from './job-handler';
import type { JobRequest } from './job-outbox';

export type InProcessOptions = { attempts: number; backoffMs: number };

/**
 * Embedded mode (no REDIS_URL): the same handlers run in this process, one job at a time (PGlite is one
 * connection), with the same retries as BullMQ. Nothing is lost if the process stops: unfinished jobs stay
 * `queued` in the outbox and the reconciler runs them at the next start.
 */
export class InProcessDispatcher extends JobDispatcher {
  readonly mode = 'in-process' as const;
  private readonly logger = new Logger('Jobs');
  private readonly pending = new Map<string, JobRequest<JobName>>();
  private chain: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly executor: () => JobExecutor,
    private readonly options: InProcessOptions = { attempts: 5, backoffMs: 250 },
  ) {
    super();
  }

  async dispatch(jobs: readonly JobRequest<JobName>[]): Promise<void> {
    for (const job of jobs) {
      if (this.stopped || this.pending.has(job.id)) continue;
      this.pending.set(job.id, job);
      this.chain = this.chain.then(() => this.run(job));
    }
  }

  /** Resolves when every dispatched job has finished (tests; shutdown). */
  async idle(): Promise<void> {
    let seen: Promise<void> | undefined;
    while (seen !== this.chain) {
      seen = this.chain;
      await seen;
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.idle();
  }

  private async run(job: JobRequest<JobName>): Promise<void> {
    try {
      for (let attempt = 1; attempt <= this.options.attempts; attempt++) {
        try {
          await this.executor().execute(job.name, job.payload, {
            id: job.id,
            attempt,
            final: attempt === this.options.attempts,
          });
          return;
        } catch (e) {
          if (e instanceof UnrecoverableJobError || attempt === this.options.attempts || this.stopped) return;
          await new Promise((r) => setTimeout(r, this.options.backoffMs * 2 ** (attempt - 1)));
        }
      }
    } catch (e) {
      this.logger.error({ job: job.id, error: e instanceof Error ? e.message : String(e) }, 'in-process job crashed');
    } finally {
      this.pending.delete(job.id);
    }
  }
}
