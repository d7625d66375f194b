import { Injectable, Logger } from '@nestjs/common';
import { parseJobPayload, type JobName } from '@ledger/contracts';
import { DomainError, ValidationError } from '@ledger/kernel';
import { TenantDatabase } from '@ledger/persistence';
import { ZodError } from 'zod';
import { jobScope, UnrecoverableJobError, type JobRun } from './job-handler';
import { JobOutbox } from './job-outbox';
import { JobRegistry } from './job-registry';

/**
 * Runs one job with its handler: parses the payload (a bad one is unrecoverable), calls the handler, and records a
 * failed attempt (with its error) in the outbox. BullMQ's processors and the in-process runner both call this, so
 * both modes run exactly the same code.
 */
@Injectable()
export class JobExecutor {
  private readonly logger = new Logger('Jobs');

  constructor(
    private readonly registry: JobRegistry,
    private readonly db: TenantDatabase,
  ) {}

  async execute(name: string, data: unknown, run: JobRun & { final: boolean }): Promise<unknown> {
    const started = Date.now();
    let tenantId: string | undefined;
    try {
      const handler = this.registry.handler(name as JobName);
      let payload;
      try {
        payload = parseJobPayload(name as JobName, data);
      } catch (e) {
        throw new UnrecoverableJobError(
          `bad payload for ${name}: ${e instanceof ZodError ? e.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : String(e)}`,
        );
      }
      tenantId = (payload as { tenantId: string }).tenantId;
      let result: unknown;
      try {
        result = await handler.handle(payload as never, run);
      } catch (e) {
        // Invalid data (a configuration or stored input the rules refuse) gives the same answer on every attempt; a
        // conflict or a lost database connection may not.
        if (
          e instanceof ValidationError ||
          (e instanceof DomainError && e.code !== 'CONFLICT' && e.code !== 'SERVICE_UNAVAILABLE')
        )
          throw new UnrecoverableJobError(
            `${name}: ${e.message}${e instanceof ValidationError ? ` — ${e.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}` : ''}`,
          );
        throw e;
      }
      this.logger.log({ job: run.id, name, tenantId, attempt: run.attempt, ms: Date.now() - started }, 'job done');
      return result;
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const final = run.final || e instanceof UnrecoverableJobError;
      this.logger.warn(
        { job: run.id, name, tenantId, attempt: run.attempt, final, error: message },
        'job attempt failed',
      );
      if (tenantId) {
        const t = tenantId;
        // TenantDatabase.run retries on a fresh connection when the attempt's own connection was the one lost.
        await this.db
          .run(jobScope(t, run), (em) => JobOutbox.attemptFailed(em, run.id, message, final))
          .catch((recordError: unknown) =>
            this.logger.error(
              { job: run.id, name, tenantId, attempt: run.attempt, error: message, recordError: String(recordError) },
              'job attempt failed and could not be recorded',
            ),
          );
      }
      throw e;
    }
  }
}
