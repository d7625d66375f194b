import { Injectable } from '@nestjs/common';
import { monthBounds } from '@ledger/contracts';
import { ValidationError, problem } from '@ledger/kernel';
import { TenantDatabase } from '@ledger/persistence';
import { RequestContext } from '../auth/request-context.service';
import { ContractAccess } from '../contracts';
import type { WorkingDaysModel } from './working-days.models';

/**
 * A month on the contract's working-day calendar, built from its current configuration the way the SLA, report
 * and ticket rules build it (`calendarOf`), so a client (the attendance grid) shows the days the rules count.
 * Whoever reads the contract reads it; out of reach is NOT_FOUND. A year after the published ones is shown on
 * its provisional calendar, each day marked `provisional` (domain rule 18); a year outside the calendar (before
 * the first published one, after the provisional range) is CALENDAR_NOT_PUBLISHED (never guessed as plain weekdays).
 */
@Injectable()
export class WorkingDaysService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly context: RequestContext,
    private readonly access: ContractAccess,
  ) {}

  async forMonth(contractId: string, month: string): Promise<WorkingDaysModel> {
    const bounds = monthBounds(month);
    if (!bounds) throw new ValidationError([problem('month', 'month.format')]);
    const ctx = await this.db.run(this.context.scope(), (em) => this.access.requireWithConfig(em, contractId));
    const { calendar } = ctx;
    const days: WorkingDaysModel['days'] = [];
    for (let day = 1; day <= Number(bounds.end.slice(8)); day++) {
      const date = `${month}-${String(day).padStart(2, '0')}`;
      const info = calendar.describeDay(date);
      days.push({
        date,
        working: info.working,
        kind: info.kind,
        name: info.name ?? null,
        weekday: ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1,
        provisional: calendar.isProvisionalDate(date),
      });
    }
    return {
      contractId: ctx.contract.id,
      month,
      calendarVersion: calendar.version,
      configVersion: ctx.version,
      workingDayCount: days.filter((d) => d.working).length,
      days,
      provisional: days.some((d) => d.provisional),
    };
  }
}
