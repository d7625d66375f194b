import { Money } from '../../components/money';
import { format, useMessages } from '../../i18n/i18n';
import { dashboardMessages } from './dashboard-messages';
import type { ContractDashboard } from './dashboard-queries';

/** "91.67 %", or the reason there is none. */
export function CompliancePercent({ value }: { value: string | null }) {
  const t = useMessages(dashboardMessages);
  return value === null ? <span className="muted">{t.noClocks}</span> : <span>{value} %</span>;
}

export function LastScore({ close }: { close: ContractDashboard['lastConfirmedClose'] }) {
  const t = useMessages(dashboardMessages);
  if (!close) return <span className="muted">{t.noScore}</span>;
  const score = [close.score ?? '—', close.grade].filter(Boolean).join(' ');
  return <span>{format(t.lastScoreDetail, { period: close.period, score })}</span>;
}

export function NextPayment({ payment }: { payment: ContractDashboard['nextPayment'] }) {
  const t = useMessages(dashboardMessages);
  if (!payment) return <span className="muted">{t.noPayment}</span>;
  return (
    <span>
      <Money value={payment.outstanding} /> · {format(t.nextPaymentDetail, { label: payment.label, due: payment.dueDate ?? t.dueOpen })}
    </span>
  );
}
