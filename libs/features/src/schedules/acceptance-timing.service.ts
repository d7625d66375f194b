import { Injectable } from '@nestjs/common';
import { acceptanceTiming, majorFailuresOf, timeZoneOf, todayOf } from '@ledger/contracts';
import { TenantDatabase } from '@ledger/persistence';
import { RequestContext } from '../auth/request-context.service';
import { ContractAccess } from '../contracts';
import { explanationModel } from '../shared/explanation.models';
import type { ExplanationLocale } from '@ledger/contracts';
import { TicketSlaStore, ticketToDomain } from '../tickets';
import type { AcceptanceTimingModel } from './acceptance-timing.models';
import { AcceptanceTimingRepository } from './acceptance-timing.repository';

/** The default grace of the acceptance clawback (Tianjin ★(三): 3 months after the term). */
const DEFAULT_GRACE_MONTHS = 3;

/**
 * The acceptance timing of a contract (domain rule 17): the pure `acceptanceTiming` over the contract's acceptance
 * section, its clawback's grace months and its major-failure tickets, judged today on the contract's calendar. Null
 * for a contract whose configuration says nothing of acceptance timing.
 */
@Injectable()
export class AcceptanceTimingService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly repo: AcceptanceTimingRepository,
    private readonly context: RequestContext,
    private readonly access: ContractAccess,
  ) {}

  async forContract(contractId: string, locale: ExplanationLocale): Promise<AcceptanceTimingModel | null> {
    return this.db.run(this.context.scope(), async (em) => {
      const { contract, config } = await this.access.requireWithConfig(
        em,
        contractId,
        { read: 'Ticket' },
        { read: 'Payment' },
      );
      const acceptance = config.acceptance;
      if (
        !acceptance ||
        (acceptance.applyFromDaysBeforeEnd === undefined && acceptance.monthsWithoutMajorFailure === undefined)
      )
        return null;
      const severities = acceptance.majorFailureSeverities ?? [];
      const rows = await this.repo.ticketsOfSeverities(em, contract.id, severities);
      const events = await TicketSlaStore.events(
        em,
        rows.map((r) => r.id),
      );
      const zone = timeZoneOf(config);
      const tickets = rows.map((r) => ({
        ...ticketToDomain(
          r,
          events.filter((e) => e.ticketId === r.id),
          zone,
        ),
        number: r.number,
      }));
      const clawback = config.payment.deductions.find((d) => d.kind === 'acceptance-clawback');
      const grace = clawback?.params.graceMonths;
      const failures = majorFailuresOf(tickets, severities, zone);
      const timing = acceptanceTiming({
        acceptance,
        termEnd: config.term.end,
        graceMonths: typeof grace === 'number' ? grace : DEFAULT_GRACE_MONTHS,
        failures,
        today: todayOf(config, Date.now()),
      });
      return {
        earliestApplication: timing.earliestApplication,
        clawbackDeadline: timing.clawbackDeadline,
        marginDays: timing.marginDays,
        warning: timing.warning,
        decisiveTicket: timing.decisive?.ticketNumber ?? null,
        majorFailures: failures.filter((f) => f.reportedOn <= config.term.end).length,
        explanations: timing.explanations.map((e) => explanationModel(e, locale)),
      };
    });
  }
}
