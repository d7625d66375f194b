import { Injectable } from '@nestjs/common';
import { NationalCalendarStore, type StoredCalendarYear } from '../shared/national-calendar.store';
import { NationalCalendarRepository } from './national-calendar.repository';
import { NationalCalendarSync } from './national-calendar.sync';
import { DomainError, problem, ValidationError, type Problem } from '@ledger/kernel';
import {
  parseCalendarPublication,
  publicationToNationalYear,
  validateChineseDaysFile,
  validateHolidayCnFile,
  type CalendarPublicationInput,
  type NationalCalendar,
  type NationalDay,
} from '@ledger/sla';
import type { EntityManager } from 'typeorm';
import { AbilityFactory } from '../auth/ability.factory';
import { RequestContext } from '../auth/request-context.service';
import { TenantDatabase } from '@ledger/persistence';
import type {
  NationalCalendarModel,
  NationalCalendarPublicationModel,
  NationalCalendarYearModel,
  PublishNationalCalendarFileInput,
  PublishNationalCalendarInput,
} from './national-calendar.models';

const FILE_FORMATS = ['holiday-cn', 'chinese-days'] as const;

const yearModel = (
  y: NationalCalendar['years'][number],
  stored: StoredCalendarYear | undefined,
): NationalCalendarYearModel => ({
  year: y.year,
  status: y.status,
  holidays: y.holidays.map(dayModel),
  makeUpWorkdays: y.makeUpWorkdays.map(dayModel),
  revision: stored?.seq ?? null,
  source: stored?.source ?? null,
  release: stored?.release ?? null,
  notice: stored?.notice ?? null,
  correction: stored?.correction ?? null,
  publishedAt: stored?.publishedAt ?? null,
});

const dayModel = (d: NationalDay): { date: string; name: string } => ({ date: d.date, name: d.name });

const storedModel = (r: StoredCalendarYear): NationalCalendarYearModel =>
  yearModel({ year: r.year, status: 'published', holidays: [...r.holidays], makeUpWorkdays: [...r.makeUpWorkdays] }, r);

/**
 * The national working-day calendar as data (issue 13): everyone signed in reads it; the platform admin publishes a
 * year from the State Council notice — entered day by day or uploaded as a holiday-cn / chinese-days file — which is
 * validated (every problem with its path, nothing written), stored as a new version (audited), and followed by a
 * recomputation job per tenant for the results the new version changes.
 */
@Injectable()
export class NationalCalendarService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly repo: NationalCalendarRepository,
    private readonly context: RequestContext,
    private readonly abilities: AbilityFactory,
    private readonly calendars: NationalCalendarStore,
    private readonly sync: NationalCalendarSync,
  ) {}

  async read(): Promise<NationalCalendarModel> {
    return this.db.run(this.context.scope(), async (em) => {
      const records = await this.calendars.records(em);
      const national = await this.calendars.national(em);
      const latest = new Map<number, StoredCalendarYear>();
      for (const r of records) latest.set(r.year, r);
      return {
        version: national.version,
        years: national.years.map((y) => yearModel(y, y.status === 'published' ? latest.get(y.year) : undefined)),
        publications: [...records].reverse().map(storedModel),
      };
    });
  }

  publish(input: PublishNationalCalendarInput): Promise<NationalCalendarPublicationModel> {
    const publication: CalendarPublicationInput = {
      year: input.year,
      notice: { ...input.notice },
      holidays: input.holidays.map((d) => ({ ...d })),
      makeUpWorkdays: input.makeUpWorkdays.map((d) => ({ ...d })),
      ...(input.reason != null ? { reason: input.reason } : {}),
    };
    return this.store(
      () => ({ publication, problems: [] }),
      (path) => `input.${path}`,
    );
  }

  publishFile(input: PublishNationalCalendarFileInput): Promise<NationalCalendarPublicationModel> {
    const format = FILE_FORMATS.find((f) => f === input.format);
    const extra = { notice: { ...input.notice }, ...(input.reason != null ? { reason: input.reason } : {}) };
    // The notice and the reason are fields of the form; everything else is a path in the uploaded file.
    const pathOf = (path: string): string =>
      /^(notice|reason)\b/.test(path) ? `input.${path}` : `input.content.${path}`;
    return this.store((national) => {
      if (!format)
        return {
          publication: undefined,
          problems: [problem('input.format', 'value.oneOf', { values: FILE_FORMATS.join(', ') })],
        };
      if (format === 'chinese-days') {
        if (input.year == null) return { publication: undefined, problems: [problem('input.year', 'value.required')] };
        const r = validateChineseDaysFile(input.content, { year: input.year, ...extra }, national);
        // The year of a chinese-days upload is the form's field (the file holds many years).
        const at = (path: string): string => (path === 'year' ? 'input.year' : pathOf(path));
        return {
          publication: r.problems.length ? undefined : r.publication,
          problems: r.problems.map((p) => ({ ...p, path: at(p.path) })),
        };
      }
      const r = validateHolidayCnFile(input.content, extra, national);
      const problems = r.problems.map((p) => ({ ...p, path: pathOf(p.path) }));
      // Days of another year (元旦 of next year may start on 31 December) must already be that year's.
      for (const d of r.otherYears) {
        const year = Number(d.date.slice(0, 4));
        const y = national.years.find((x) => x.year === year && x.status === 'published');
        const listed = (d.isOffDay ? y?.holidays : y?.makeUpWorkdays)?.some((x) => x.date === d.date);
        if (!listed)
          problems.push(
            problem(
              pathOf(d.path),
              d.isOffDay ? 'calendar.otherYearHolidayNotListed' : 'calendar.otherYearWorkdayNotListed',
              { value: d.date, name: d.name, year },
            ),
          );
      }
      return { publication: problems.length ? undefined : r.publication, problems };
    }, pathOf);
  }

  /**
   * Validates against the current calendar and stores the year, in one transaction under a lock (two publications
   * at once are checked one after the other); then asks the recomputation (outside it: jobs are per tenant).
   */
  private async store(
    convert: (national: NationalCalendar) => { publication: CalendarPublicationInput | undefined; problems: Problem[] },
    pathOf: (path: string) => string,
  ): Promise<NationalCalendarPublicationModel> {
    const p = this.context.principal();
    if (!this.abilities.for(p).can('create', 'NationalCalendar'))
      throw new DomainError('FORBIDDEN', 'only the platform admin publishes the national calendar');
    const stored = await this.db.run(this.context.scope(), async (em) => {
      await this.repo.lockPublications(em);
      const national = await this.published(em);
      const converted = convert(national);
      if (converted.problems.length || !converted.publication) throw new ValidationError(converted.problems);
      const checked = parseCalendarPublication(converted.publication, national);
      if (!checked.publication)
        throw new ValidationError(checked.problems.map((x) => ({ ...x, path: pathOf(x.path) })));
      const row = publicationToNationalYear(checked.publication);
      const revision = await this.repo.insertYear(em, row, p.userId);
      this.calendars.forget(em);
      return { year: row.year, revision, version: (await this.calendars.national(em)).version };
    });
    const tenantsAsked = await this.sync.requestRecompute(p.userId);
    return { ...stored, tenantsAsked };
  }

  /** The published years only (what a publication is checked against: provisional years are not "already published"). */
  private async published(em: EntityManager): Promise<NationalCalendar> {
    const national = await this.calendars.national(em);
    return { ...national, years: national.years.filter((y) => y.status === 'published') };
  }
}
