import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('JobBacklog', {
  description: 'How far the jobs are behind, over every tenant: counts only, no tenant data.',
})
export class JobBacklogModel {
  @Field(() => Int, { description: 'Jobs recorded and not yet done (queued or being run).' })
  queued!: number;

  @Field(() => Int, { description: 'Jobs that gave up after their attempts.' })
  failed!: number;

  @Field(() => Date, { nullable: true, description: 'When the oldest job still waiting was recorded.' })
  oldestQueuedAt!: Date | null;
}
