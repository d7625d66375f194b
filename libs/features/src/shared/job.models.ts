import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { JobRecord } from '@ledger/jobs';
import { JsonScalar, type JsonValue } from '../graphql/json.scalar';

// A job's outbox row as the API shows it: the close, the schedule and the calendar recompute all answer with one.

@ObjectType('Job', { description: 'A job: its deterministic id, queue, status and attempts (the outbox row).' })
export class JobModel {
  @Field(() => ID, { description: 'The job id, deterministic for its work (asking twice gives the same job).' })
  id!: string;

  @Field({ description: 'The queue it runs on.' })
  queue!: string;

  @Field({ description: 'The job kind, e.g. close-period.' })
  name!: string;

  @Field({ description: 'queued | completed | failed' })
  status!: string;

  @Field(() => Int, { description: 'Failed attempts so far.' })
  attempts!: number;

  @Field(() => String, { nullable: true, description: 'The error of the last failed attempt.' })
  lastError!: string | null;

  @Field(() => JsonScalar, { nullable: true, description: 'What the job returned, when completed.' })
  result!: JsonValue | null;

  @Field({ description: 'When it was queued (ISO 8601 instant).' })
  createdAt!: Date;

  @Field(() => Date, {
    nullable: true,
    description: 'When it completed (ISO 8601 instant); null while queued or failed.',
  })
  completedAt!: Date | null;
}

/** The GraphQL view of an outbox row. */
export function jobModel(j: JobRecord): JobModel {
  return {
    id: j.id,
    queue: j.queue,
    name: j.name,
    status: j.status,
    attempts: j.attempts,
    lastError: j.lastError,
    result: (j.result ?? null) as JsonValue,
    createdAt: j.createdAt,
    completedAt: j.completedAt,
  };
}
