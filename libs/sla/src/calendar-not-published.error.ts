import { DomainError, reasonOf } from '@ledger/kernel';

/**
 * A computation touched a date whose year the national calendar has not published (or that lies
 * before the first published year). Fail closed: guessing "ordinary weekdays" for 2027 is exactly
 * the silent error `chinese-days` makes.
 */
export class CalendarNotPublishedError extends DomainError {
  constructor(
    readonly year: number,
    readonly publishedYears: readonly number[],
  ) {
    const range = publishedYears.length ? `${publishedYears[0]}..${publishedYears[publishedYears.length - 1]}` : 'none';
    super(
      'CALENDAR_NOT_PUBLISHED',
      `The national working-day calendar for ${year} is not published (published years: ${range}).`,
      [],
      reasonOf('calendar.notPublished', { year }),
    );
  }
}
