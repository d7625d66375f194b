import { Injectable } from '@nestjs/common';
import type { PublishedNationalYear } from '@ledger/sla';
import type { EntityManager } from 'typeorm';

/** The platform admin's writes of the national calendar (NationalCalendarStore reads it), in the caller's transaction. */
@Injectable()
export class NationalCalendarRepository {
  /** Holds the publication lock until the transaction ends: two publications at once are checked one after the other. */
  async lockPublications(em: EntityManager): Promise<void> {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('national_calendar_publish'))`);
  }

  /** Stores a published year; returns its revision (the row's id). */
  async insertYear(em: EntityManager, row: PublishedNationalYear, publishedBy: string): Promise<number> {
    const [inserted]: { id: number }[] = await em.query(
      `INSERT INTO national_calendar_years (year, holidays, make_up_workdays, source, notice, correction, published_by) VALUES ($1, $2, $3, 'admin', $4, $5, $6) RETURNING id`,
      [
        row.year,
        JSON.stringify(row.holidays),
        JSON.stringify(row.makeUpWorkdays),
        JSON.stringify(row.notice),
        row.correction ?? null,
        publishedBy,
      ],
    );
    return inserted.id;
  }
}
