import { useRef } from 'react';
import { useGraphqlQuery } from '../../api/use-graphql';
import { DataTable } from '../../components/data-table';
import { explanationText } from '../../components/explanation-text';
import { QueryView } from '../../components/query-state';
import { useLocale, useMessages } from '../../i18n/i18n';
import { formatDate } from '../../i18n/local-format';
import { useSession } from '../../session/session';
import { AllowanceLogForm } from './allowance-log-form';
import { allowanceMessages } from './allowance-messages';
import { ALLOWANCE_REGISTER, type AllowanceRegister } from './allowance-queries';
import '../../components/panels.css';

/**
 * Free-work allowances of a contract (domain rule 15): per allowance and scope (the term, a year, a request) used,
 * left and beyond, in words; then every work line with the part beyond the allowance. The vendor logs work; the
 * buyer and finance read. Renders nothing for a contract without allowances.
 */
export function AllowancePanel({ contractId }: { contractId: string }) {
  const t = useMessages(allowanceMessages);
  const { locale } = useLocale();
  const { user } = useSession();
  const query = useGraphqlQuery(ALLOWANCE_REGISTER, { id: contractId });
  // A reload after logging keeps the last register on screen (the form stays, the page does not jump).
  const last = useRef<AllowanceRegister | null>(null);
  if (query.status === 'ready') last.current = query.data.allowanceRegister;
  else if (query.status === 'error') last.current = null;
  const reg = last.current;
  if (query.status === 'error') return <QueryView query={query}>{() => null}</QueryView>;
  if (reg === null || reg.usage.length === 0) return null;
  const label = new Map(reg.usage.map((u) => [u.allowanceId, u.description]));
  const unit = (u: string) => (u === 'working-days' ? t.unitdays : t.unitperson);
  const scope = (s: string) => (s === 'term' ? t.scopeterm : s.replace(/^request-/, ''));
  return (
    <section aria-labelledby="allowance-heading" data-section="allowances">
      <h2 id="allowance-heading">{t.heading}</h2>
      <p className="muted">{t.hint}</p>
      <DataTable columns={[t.allowance, t.scope, t.amount, t.used, t.remaining, t.percent, t.beyond, t.result]}>
        {reg.usage.map((u) => (
          <tr key={`${u.allowanceId}-${u.scope}`} data-allowance={u.allowanceId} data-level={u.level}>
            <th scope="row">
              {u.description}（{u.free ? t.free : t.notFree}）
            </th>
            <td className="nowrap">{scope(u.scope)}</td>
            <td className="nowrap">
              {u.amount} {unit(u.unit)}
            </td>
            <td>{u.used}</td>
            <td>{u.remaining}</td>
            <td className={u.level === 'ok' ? undefined : 'field-error'}>
              {u.percent === null ? '—' : `${u.percent}%`}
            </td>
            <td className={u.level === 'beyond' ? 'field-error' : undefined}>{u.beyond}</td>
            <td>{explanationText(u.explained, locale)}</td>
          </tr>
        ))}
      </DataTable>
      <DataTable
        section="allowance-work"
        caption={t.workHeading}
        columns={[t.workedOn, t.allowance, t.ticket, t.description, t.workAmount, t.beyondPart]}
        empty={t.noWork}
      >
        {reg.work.map((w) => (
          <tr key={w.id} data-beyond={w.beyond ?? undefined}>
            <th scope="row">{formatDate(w.workedOn, locale)}</th>
            <td>{label.get(w.allowanceId) ?? w.allowanceId}</td>
            <td>{w.ticketNumber ?? '—'}</td>
            <td>{w.description}</td>
            <td>{w.amount}</td>
            <td className={w.beyond ? 'field-error' : undefined}>{w.beyond ?? '—'}</td>
          </tr>
        ))}
      </DataTable>
      {user?.role === 'vendor' ? (
        <>
          <h3>{t.logHeading}</h3>
          <AllowanceLogForm
            contractId={contractId}
            allowances={[...label].map(([id, text]) => ({ id, label: text }))}
            today={reg.asOf}
            onSaved={query.reload}
          />
        </>
      ) : null}
    </section>
  );
}
