import { Field, ObjectType } from '@nestjs/graphql';

/** A period of a contract's term: the close and the period inputs answer with it. */
@ObjectType('TermPeriod', { description: 'A calendar period of a contract’s term, clipped to the term.' })
export class TermPeriodModel {
  @Field({ description: 'The period id: 2026, 2026-H1, 2026-Q3 or 2026-05.' })
  id!: string;

  @Field({ description: 'month | quarter | half-year | year' })
  kind!: string;

  @Field({ description: 'The first day within the term, YYYY-MM-DD local date.' })
  start!: string;

  @Field({ description: 'The last day within the term, YYYY-MM-DD local date.' })
  end!: string;
}
