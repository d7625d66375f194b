import { Money } from '../../components/money';
import { StatTile } from '../../components/stat-tile';
import { format, useLocale, useMessages } from '../../i18n/i18n';
import { formatDate, formatDecimal2, formatPercent, formatPeriod } from '../../i18n/local-format';
import { dashboardMessages } from './dashboard-messages';
import type { ContractDashboard, ObligationsDue } from './dashboard-queries';
import { explanationText } from '../../components/explanation-text';

/** "91.67 %", or the reason there is none; targets not recorded (counted apart, not in the rate) said beside it. */
export function CompliancePercent({ value, notRecorded = 0 }: { value: string | null; notRecorded?: number }) {
  const t = useMessages(dashboardMessages);
  const apart = notRecorded ? (
    <span className="muted" data-field="not-recorded">
      {' '}
      · {format(t.notRecordedDetail, { n: notRecorded })}
    </span>
  ) : null;
  return value === null ? (
    <span className="muted">
      {t.noClocks}
      {apart}
    </span>
  ) : (
    <span>
      {formatPercent(value)}
      {apart}
    </span>
  );
}

export function LastScore({ close }: { close: ContractDashboard['lastConfirmedClose'] }) {
  const t = useMessages(dashboardMessages);
  const { locale } = useLocale();
  if (!close) return <span className="muted">{t.noScore}</span>;
  const score = [close.score === null ? '—' : formatDecimal2(close.score), close.grade].filter(Boolean).join(' ');
  return <span>{format(t.lastScoreDetail, { period: formatPeriod(close.period, locale), score })}</span>;
}

export function NextPayment({ payment }: { payment: ContractDashboard['nextPayment'] }) {
  const t = useMessages(dashboardMessages);
  const { locale } = useLocale();
  if (!payment) return <span className="muted">{t.noPayment}</span>;
  return (
    <span>
      <Money value={payment.outstanding} /> ·{' '}
      {format(t.nextPaymentDetail, {
        label: payment.label,
        due: payment.dueDate ? formatDate(payment.dueDate, locale) : t.dueOpen,
      })}
    </span>
  );
}

/** "3/44 met · missing 37, late 1, pending 3 · next due 2026-10-31": the month's obligations checklist as counted by the API. */
export function ObligationsFigure({ obligations: o }: { obligations: ObligationsDue }) {
  const t = useMessages(dashboardMessages);
  const { locale } = useLocale();
  // The problem from its code in the console's language (the API's text follows Accept-Language).
  if (o.problem !== null)
    return (
      <span className="muted" data-code={o.problemExplanation?.code}>
        {format(t.obligationsProblem, {
          problem: o.problemExplanation ? explanationText(o.problemExplanation, locale) : o.problem,
        })}
      </span>
    );
  if (o.due === 0) return <span className="muted">{t.noObligations}</span>;
  return (
    <span>
      {format(t.obligationsFigure, { met: o.met, due: o.due })}
      <span className="muted">
        {' '}
        · {format(t.obligationsDetail, { missing: o.missing, late: o.late, pending: o.pending })}
      </span>
      {o.nextDueDate ? (
        <span className="muted"> · {format(t.obligationsNext, { date: formatDate(o.nextDueDate, locale) })}</span>
      ) : null}
      {o.provisional && o.calendarNoteExplanation ? (
        <span className="muted" data-field="provisional" data-code={o.calendarNoteExplanation.code}>
          {' '}
          · {explanationText(o.calendarNoteExplanation, locale)}
        </span>
      ) : null}
    </span>
  );
}

/** A contract's status tiles: SLA compliance, open breaches, warnings, obligations, last score, next payment. */
export function ContractTiles({ dashboard: d }: { dashboard: ContractDashboard }) {
  const t = useMessages(dashboardMessages);
  return (
    <dl className="tiles">
      <StatTile label={format(t.slaComplianceOf, { month: d.sla.month })}>
        <CompliancePercent value={d.sla.compliancePercent} notRecorded={d.sla.notRecorded} />
      </StatTile>
      <StatTile label={t.openBreaches} tone={d.openBreaches ? 'alert' : 'ok'}>
        {d.openBreaches}
      </StatTile>
      <StatTile label={t.warnings}>
        {format(t.warningsDetail, d.notifications)}
        <span className="muted"> · {t.warningsHint}</span>
      </StatTile>
      <StatTile
        label={format(t.obligationsOf, { month: d.obligations.month })}
        tone={d.obligations.missing ? 'alert' : undefined}
      >
        <ObligationsFigure obligations={d.obligations} />
      </StatTile>
      <StatTile label={t.lastScore}>
        <LastScore close={d.lastConfirmedClose} />
      </StatTile>
      <StatTile label={t.nextPayment}>
        <NextPayment payment={d.nextPayment} />
      </StatTile>
    </dl>
  );
}
