import { Injectable } from '@nestjs/common';
import type { ParsedConfig } from '@ledger/contracts';
import {
  buildCalendar,
  canonicalJson,
  CN_NATIONAL_CALENDAR,
  composeNationalCalendar,
  sameYearDays,
  type CalendarNotice,
  type CalendarYearRecord,
  type NationalCalendar,
  type NationalDay,
  type WorkCalendar,
} from '@ledger/sla';
import type { EntityManager } from 'typeorm';

type Row = {
  id: number;
  year: number;
  holidays: NationalDay[];
  make_up_workdays: NationalDay[];
  source: CalendarYearRecord['source'];
  release: string | null;
  notice: CalendarNotice | null;
  correction: string | null;
  published_at: Date;
};

/** A stored publication with when it was made (what the platform page lists). */
export type StoredCalendarYear = CalendarYearRecord & { publishedAt: Date };

const toRecord = (r: Row): StoredCalendarYear => ({
  seq: r.id,
  year: r.year,
  holidays: r.holidays,
  makeUpWorkdays: r.make_up_workdays,
  source: r.source,
  release: r.release,
  notice: r.notice,
  correction: r.correction,
  publishedAt: r.published_at,
});

type Snapshot = { head: number; records: StoredCalendarYear[]; national: NationalCalendar };

/**
 * The national calendar the running system computes on, read from `national_calendar_years` (migration
 * 1764000000800) in the caller's transaction. The records are cached per head (the last id): each transaction asks
 * only once for the head — one index lookup — and reloads when a publication (here, or in another process) moved it, so the
 * API and the workers compute on the same version without restarting. Work calendars are cached per national
 * version and contract calendar configuration (both immutable).
 */
@Injectable()
export class NationalCalendarStore {
  private snapshot: Snapshot | undefined;
  private readonly perTransaction = new WeakMap<EntityManager, Promise<Snapshot>>();
  private readonly calendars = new Map<string, WorkCalendar>();

  /** After a write to national_calendar_years in this transaction: its next read asks the head again. */
  forget(em: EntityManager): void {
    this.perTransaction.delete(em);
  }

  /** Every stored publication, in publication order. */
  async records(em: EntityManager): Promise<StoredCalendarYear[]> {
    return (await this.current(em)).records;
  }

  /** The current national calendar (published years + provisional years after them). */
  async national(em: EntityManager): Promise<NationalCalendar> {
    return (await this.current(em)).national;
  }

  /** A contract's working calendar on the current national calendar. */
  async calendarOf(em: EntityManager, config: Pick<ParsedConfig, 'calendar'>): Promise<WorkCalendar> {
    return this.calendarOn(await this.national(em), config);
  }

  /** A contract's working calendar on the given national calendar (cached: both are immutable). */
  calendarOn(national: NationalCalendar, config: Pick<ParsedConfig, 'calendar'>): WorkCalendar {
    const key = `${national.version}|${canonicalJson(config.calendar ?? {})}`;
    let cal = this.calendars.get(key);
    if (!cal) {
      if (this.calendars.size > 1000) this.calendars.clear();
      cal = buildCalendar(config.calendar ?? {}, national);
      this.calendars.set(key, cal);
    }
    return cal;
  }

  private current(em: EntityManager): Promise<Snapshot> {
    // Once per transaction: a request or job that reads many tickets asks for the head once.
    let pending = this.perTransaction.get(em);
    if (!pending) {
      pending = this.read(em);
      this.perTransaction.set(em, pending);
    }
    return pending;
  }

  private async read(em: EntityManager): Promise<Snapshot> {
    const [{ head }]: { head: number | null }[] = await em.query(`SELECT max(id) AS head FROM national_calendar_years`);
    if (head === null)
      throw new Error(
        'national_calendar_years is empty: the shipped calendar is loaded at start (NationalCalendarSync)',
      );
    if (this.snapshot?.head === head) return this.snapshot;
    const rows: Row[] = await em.query(
      `SELECT id, year, holidays, make_up_workdays, source, release, notice, correction, published_at FROM national_calendar_years ORDER BY id`,
    );
    const records = rows.map(toRecord);
    this.snapshot = { head, records, national: composeNationalCalendar(records) };
    return this.snapshot;
  }
}

/** The years of the shipped data a database lacks or holds differently from what this release ships. */
export function shippedYearsToLoad(
  stored: readonly CalendarYearRecord[],
  shipped: NationalCalendar = CN_NATIONAL_CALENDAR,
): NationalCalendar['years'] {
  return shipped.years.filter((y) => {
    // A year is compared with the last row a release loaded (not an admin's publication): a release that ships the
    // same days as before changes nothing, even if the platform admin corrected that year since.
    const fromReleases = stored
      .filter((r) => r.year === y.year && r.source !== 'admin')
      .sort((a, b) => b.seq - a.seq)[0];
    if (fromReleases) return !sameYearDays(fromReleases, y);
    // A year only the platform admin published: loaded when the release ships it differently (the shipped data
    // stays the source for the years it has), not when it ships the notice's very days.
    const admin = stored.filter((r) => r.year === y.year).sort((a, b) => b.seq - a.seq)[0];
    return !admin || !sameYearDays(admin, y);
  });
}
