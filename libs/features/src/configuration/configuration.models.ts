import { Field, ObjectType } from '@nestjs/graphql';
import { ProblemModel } from '../shared/problem.models';

@ObjectType('ConfigurationCheck', {
  description: 'The result of checking a contract configuration without saving anything.',
})
export class ConfigurationCheckModel {
  @Field({ description: 'True when there is no problem.' })
  valid!: boolean;

  @Field(() => [ProblemModel], { description: 'Every problem, not only the first.' })
  problems!: ProblemModel[];
}
