import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { TenantDatabase } from '@ledger/persistence';
import { CN_NATIONAL_CALENDAR, type NationalCalendar } from '@ledger/sla';
import { JobDispatcher } from '@ledger/jobs';
import { JobOutbox, type JobRequest } from '@ledger/jobs';
import { CalendarJobsStore } from './calendar-jobs.store';
import { calendarRecomputeJob } from './calendar-recompute.job';
import { NationalCalendarStore, shippedYearsToLoad } from '../shared/national-calendar.store';

/**
 * Keeps the database's national calendar in step with the product, at every start of the API and the worker:
 *  - years this release ships that the database lacks or holds differently (a newer `chinese-days`, a year added by
 *    `npm run calendar:generate`) are loaded as new versions (source 'package'); the first seeding is the migration's;
 *  - every tenant is asked (once per version: the job id is deterministic) to recompute what the current version
 *    changed, unless the calendar is still the one the database was seeded with. A publication by the platform admin
 *    asks the same way; a start after a crash between a publication and its requests completes them.
 */
@Injectable()
export class NationalCalendarSync implements OnApplicationBootstrap {
  private readonly logger = new Logger('NationalCalendar');

  constructor(
    private readonly db: TenantDatabase,
    private readonly store: NationalCalendarStore,
    private readonly dispatcher: JobDispatcher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { loaded, tenants } = await this.sync();
    if (loaded.length) this.logger.log({ years: loaded }, 'loaded national calendar years shipped with this release');
    if (tenants) this.logger.log({ tenants }, 'asked the recomputation of results on the new national calendar');
  }

  /**
   * Loads newly shipped years (from `shipped`: this release's data), then asks the recomputation; returns the years
   * loaded and the tenants asked.
   */
  async sync(shipped: NationalCalendar = CN_NATIONAL_CALENDAR): Promise<{ loaded: number[]; tenants: number }> {
    const loaded = await this.db.run({ kind: 'system', operation: 'calendar:sync' }, async (em) => {
      // The API and the workers start together: one loads, the others then find nothing to load.
      await CalendarJobsStore.lockSync(em);
      const years = shippedYearsToLoad(await this.store.records(em), shipped);
      for (const y of years) {
        await CalendarJobsStore.insertShippedYear(em, y, shipped.version);
      }
      this.store.forget(em);
      return years.map((y) => y.year);
    });
    return { loaded, tenants: await this.requestRecompute() };
  }

  /**
   * Records the first recomputation job of every tenant that has none for the current national version, each in
   * its tenant's scope, and dispatches them. Nothing when the calendar is still the seeded one.
   */
  async requestRecompute(userId?: string): Promise<number> {
    const { version, tenants } = await this.db.run({ kind: 'system', operation: 'calendar:recompute' }, async (em) => {
      const national = await this.store.national(em);
      if (!/\+rev-\d+/.test(national.version)) return { version: national.version, tenants: [] as string[] };
      const first = (tenantId: string): string => calendarRecomputeJob(tenantId, national.version, null).id;
      const all = await CalendarJobsStore.tenantIds(em);
      const done = new Set(await CalendarJobsStore.recordedJobIds(em, all.map(first)));
      return { version: national.version, tenants: all.filter((id) => !done.has(first(id))) };
    });
    const jobs: JobRequest[] = [];
    for (const tenantId of tenants) {
      jobs.push(
        await this.db.run({ kind: 'tenant', tenantId, userId: userId ?? '', operation: 'calendar:recompute' }, (em) =>
          JobOutbox.record(em, calendarRecomputeJob(tenantId, version, null), { tenantId, userId: userId ?? null }),
        ),
      );
    }
    if (jobs.length) await this.dispatcher.dispatch(jobs);
    return jobs.length;
  }
}
