import { Processor, WorkerHost } from '@nestjs/bullmq';
import { UnrecoverableJobError, JobExecutor } from '@ledger/jobs';
import { UnrecoverableError, type Job } from 'bullmq';
import { bullWorkerOptions } from './worker-config';

/** Runs a BullMQ job through the shared executor; an unrecoverable error stops BullMQ's retries. */
async function run(executor: JobExecutor, job: Job): Promise<unknown> {
  const attempts = job.opts.attempts ?? 1;
  try {
    return await executor.execute(job.name, job.data, {
      id: job.id ?? `${job.queueName}-${job.name}`,
      attempt: job.attemptsMade + 1,
      final: job.attemptsMade + 1 >= attempts,
    });
  } catch (e) {
    if (e instanceof UnrecoverableJobError) throw new UnrecoverableError(e.message);
    throw e;
  }
}

/*
 * One processor per queue (BullMQ binds a worker to a queue); each dispatches by job name through the registry,
 * which at start-up has checked that every job name has exactly one handler.
 */

@Processor('sla', bullWorkerOptions(process.env))
export class SlaProcessor extends WorkerHost {
  constructor(private readonly executor: JobExecutor) {
    super();
  }
  process(job: Job): Promise<unknown> {
    return run(this.executor, job);
  }
}

@Processor('period-close', bullWorkerOptions(process.env))
export class PeriodCloseProcessor extends WorkerHost {
  constructor(private readonly executor: JobExecutor) {
    super();
  }
  process(job: Job): Promise<unknown> {
    return run(this.executor, job);
  }
}

@Processor('schedule', bullWorkerOptions(process.env))
export class ScheduleProcessor extends WorkerHost {
  constructor(private readonly executor: JobExecutor) {
    super();
  }
  process(job: Job): Promise<unknown> {
    return run(this.executor, job);
  }
}

@Processor('export', bullWorkerOptions(process.env))
export class ExportProcessor extends WorkerHost {
  constructor(private readonly executor: JobExecutor) {
    super();
  }
  process(job: Job): Promise<unknown> {
    return run(this.executor, job);
  }
}

@Processor('import', bullWorkerOptions(process.env))
export class ImportProcessor extends WorkerHost {
  constructor(private readonly executor: JobExecutor) {
    super();
  }
  process(job: Job): Promise<unknown> {
    return run(this.executor, job);
  }
}

export const PROCESSORS = [SlaProcessor, PeriodCloseProcessor, ScheduleProcessor, ExportProcessor, ImportProcessor];
