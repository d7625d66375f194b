import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  NationalCalendarModel,
  NationalCalendarPublicationModel,
  PublishNationalCalendarFileInput,
  PublishNationalCalendarInput,
} from './national-calendar.models';
import { NationalCalendarService } from './national-calendar.service';

@Resolver(() => NationalCalendarModel)
export class NationalCalendarResolver {
  constructor(private readonly service: NationalCalendarService) {}

  @Query(() => NationalCalendarModel, {
    description:
      'The national working-day calendar computed on now (published and provisional years) and every publication. Whoever is signed in.',
  })
  nationalCalendar(): Promise<NationalCalendarModel> {
    return this.service.read();
  }

  @Mutation(() => NationalCalendarPublicationModel, {
    description:
      "Platform admin: publish a year of the national calendar from the State Council notice (days off, make-up working days, the notice's title, number and date; " +
      'a reason to correct a published year). Every problem with its path, nothing stored; then each tenant recomputes the results it changes.',
  })
  publishNationalCalendar(
    @Args('input', { description: 'The year, its notice and days.' }) input: PublishNationalCalendarInput,
  ): Promise<NationalCalendarPublicationModel> {
    return this.service.publish(input);
  }

  @Mutation(() => NationalCalendarPublicationModel, {
    description:
      'Platform admin: publish a year uploaded as a holiday-cn year file or chinese-days data (same checks and effects).',
  })
  publishNationalCalendarFile(
    @Args('input', { description: 'The file, its format and the notice.' }) input: PublishNationalCalendarFileInput,
  ): Promise<NationalCalendarPublicationModel> {
    return this.service.publishFile(input);
  }
}
