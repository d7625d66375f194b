import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('SlaRevision', {
  description:
    "A move of the contract's open tickets onto a newer configuration version, with the reason and its counts.",
})
export class SlaRevisionModel {
  @Field(() => ID, { description: 'The move (UUID).' })
  id!: string;

  @Field(() => ID, { description: 'The contract.' })
  contractId!: string;

  @Field(() => Int, { description: 'The configuration version the open tickets were moved to.' })
  toVersion!: number;

  @Field({ description: 'Why, as the buyer admin wrote it.' })
  reason!: string;

  @Field(() => String, { nullable: true, description: 'Who asked for it (null when the reader may not see the user).' })
  requestedByName!: string | null;

  @Field({ description: 'When it was asked for.' })
  requestedAt!: Date;

  @Field({ description: 'pending (the job has not run yet) | done' })
  status!: string;

  @Field(() => Int, { nullable: true, description: 'Open tickets moved onto the version (null while pending).' })
  moved!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Open tickets that kept their version: their severity is not in the new SLA policy (null while pending).',
  })
  kept!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Moved tickets whose SLA (a deadline, a status, the minutes used) changed (null while pending).',
  })
  changed!: number | null;

  @Field(() => Date, { nullable: true, description: 'When the job finished.' })
  finishedAt!: Date | null;
}

@ObjectType('SlaRevisions', {
  description: "The contract's configuration version, what could move onto it, and the moves so far.",
})
export class SlaRevisionsModel {
  @Field(() => ID, { description: 'The contract.' })
  contractId!: string;

  @Field(() => Int, { description: "The contract's current configuration version." })
  currentVersion!: number;

  @Field(() => Int, { description: 'Open tickets still on an older version (what a move would move).' })
  openOnOlderVersions!: number;

  @Field(() => [SlaRevisionModel], { description: 'The moves, newest first.' })
  revisions!: SlaRevisionModel[];
}

@InputType('AdoptSlaRevisionInput', {
  description: "Move the contract's open tickets onto its current configuration version.",
})
export class AdoptSlaRevisionInput {
  @Field(() => ID, { description: 'The contract.' })
  contractId!: string;

  @Field({ description: 'Why (kept with the move and told in the notice), at most 500 characters.' })
  reason!: string;
}
