import { Field, ObjectType } from '@nestjs/graphql';
import { JsonScalar } from '../graphql/json.scalar';

@ObjectType('Problem', {
  description: 'One problem in an input, located by its path, e.g. assessment.components[2].params.bands[1].',
})
export class ProblemModel {
  @Field({ description: 'Where the problem is, a dotted path with [index] for list items.' })
  path!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "Stable problem code (libs/kernel problem-messages.ts) to render in the reader's language; null only on problems stored before codes existed.",
  })
  code?: string | null;

  @Field(() => JsonScalar, {
    nullable: true,
    description: 'The parameters of the code, an object of strings (numbers as decimal strings, dates YYYY-MM-DD).',
  })
  params?: Record<string, string> | null;

  @Field({ description: 'The same in English, for clients that do not render codes.' })
  message!: string;
}
