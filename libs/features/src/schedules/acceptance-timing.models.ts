import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ExplanationModel } from '../shared/explanation.models';

@ObjectType('AcceptanceTiming', {
  description:
    'When the vendor may apply for acceptance and by when it must pass (domain rule 17, Tianjin 004:3094 and 004:3104): ' +
    'a week before the end without a major failure, else months after the last repair; the clawback deadline is the ' +
    'term end plus the acceptance clawback’s grace months. Judged today on the contract’s calendar.',
})
export class AcceptanceTimingModel {
  @Field(() => String, {
    nullable: true,
    description: 'The first day acceptance may be applied for (YYYY-MM-DD); null while a major failure is unrepaired.',
  })
  earliestApplication!: string | null;

  @Field({ description: 'The last day acceptance must pass before the buyer may claw back (YYYY-MM-DD).' })
  clawbackDeadline!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Calendar days from the earliest application to the clawback deadline; null without an earliest date.',
  })
  marginDays!: number | null;

  @Field({ description: 'Fewer than 30 days of margin, or no date yet: the buyer and the vendor are warned.' })
  warning!: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'The number of the major-failure ticket that sets the date (the last repaired, or the unrepaired one).',
  })
  decisiveTicket!: string | null;

  @Field(() => Int, { description: 'Major-failure tickets received in the term (severities the contract names).' })
  majorFailures!: number;

  @Field(() => [ExplanationModel], {
    description: "How the dates follow and the warning, as codes with their text in the caller's language.",
  })
  explanations!: ExplanationModel[];
}
