import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'One problem in an input, located by its path, e.g. assessment.components[2].params.bands[1].' })
export class ProblemModel {
  @Field()
  path!: string;

  @Field()
  message!: string;
}

@ObjectType({ description: 'The result of checking a contract configuration without saving anything.' })
export class ConfigurationCheckModel {
  @Field()
  valid!: boolean;

  @Field(() => [ProblemModel], { description: 'Every problem, not only the first.' })
  problems!: ProblemModel[];
}
