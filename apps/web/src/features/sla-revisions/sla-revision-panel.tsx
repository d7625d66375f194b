import { useState } from 'react';
import { useGraphqlMutation, useGraphqlQuery } from '../../api/use-graphql';
import { DataTable } from '../../components/data-table';
import { FormField } from '../../components/form-field';
import { ErrorState, QueryView, useProblemsAt } from '../../components/query-state';
import { format, useMessages } from '../../i18n/i18n';
import { formatDateTime } from '../../i18n/local-format';
import { useSession } from '../../session/session';
import { slaRevisionMessages } from './sla-revision-messages';
import { ADOPT_SLA_REVISION, SLA_REVISIONS, type SlaRevisions } from './sla-revision-queries';
import '../../components/panels.css';

/**
 * Which configuration version the open tickets follow, and the buyer admin's move of them onto the current one with
 * a reason (the job recomputes their SLA; the earlier results stay). Renders nothing until a version change leaves
 * open tickets behind or a move was made.
 */
export function SlaRevisionPanel({ contractId }: { contractId: string }) {
  const t = useMessages(slaRevisionMessages);
  const query = useGraphqlQuery(SLA_REVISIONS, { id: contractId });
  return (
    <QueryView query={query}>
      {({ slaRevisions: r }) =>
        r.openOnOlderVersions === 0 && r.revisions.length === 0 ? null : (
          <section aria-labelledby="sla-revision-heading" data-section="sla-revision">
            <h2 id="sla-revision-heading">{t.heading}</h2>
            <p className="muted">{t.hint}</p>
            <p data-field="open-on-older">
              {r.openOnOlderVersions
                ? format(t.openOnOlder, { count: r.openOnOlderVersions, version: r.currentVersion })
                : format(t.allCurrent, { version: r.currentVersion })}
            </p>
            {r.openOnOlderVersions ? <AdoptForm revisions={r} onDone={query.reload} /> : null}
            <RevisionTable revisions={r.revisions} />
          </section>
        )
      }
    </QueryView>
  );
}

function AdoptForm({ revisions, onDone }: { revisions: SlaRevisions; onDone(): void }) {
  const t = useMessages(slaRevisionMessages);
  const { user } = useSession();
  const [reason, setReason] = useState('');
  const [adopt, state] = useGraphqlMutation(ADOPT_SLA_REVISION);
  const at = useProblemsAt(state.error);
  if (user?.role !== 'buyer-admin') return null;
  return (
    <form
      className="inline-form"
      data-form="sla-revision"
      onSubmit={(e) => {
        e.preventDefault();
        adopt({ input: { contractId: revisions.contractId, reason } }).then(
          () => {
            setReason('');
            onDone();
          },
          () => undefined,
        );
      }}
    >
      <FormField label={t.reason} error={at('input.reason')}>
        {(p) => <input {...p} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />}
      </FormField>
      <button type="submit" disabled={state.running}>
        {format(t.adopt, { version: revisions.currentVersion })}
      </button>
      {state.error && !at('input.reason') ? <ErrorState error={state.error} /> : null}
    </form>
  );
}

function RevisionTable({ revisions }: { revisions: SlaRevisions['revisions'] }) {
  const t = useMessages(slaRevisionMessages);
  if (revisions.length === 0) return null;
  const count = (n: number | null) => (n === null ? '—' : n);
  return (
    <DataTable
      caption={t.caption}
      columns={[t.requestedAt, t.toVersion, t.reasonColumn, t.requestedBy, t.status, t.moved, t.kept, t.changed]}
      testId="sla-revisions"
    >
      {revisions.map((x) => (
        <tr key={x.id} data-status={x.status}>
          <td className="nowrap">{formatDateTime(String(x.requestedAt))}</td>
          <td className="nowrap">{format(t.versionN, { version: x.toVersion })}</td>
          <th scope="row">{x.reason}</th>
          <td>{x.requestedByName ?? '—'}</td>
          <td className="nowrap">{x.status === 'done' ? t.statusdone : t.statuspending}</td>
          <td>{count(x.moved)}</td>
          <td>{count(x.kept)}</td>
          <td>{count(x.changed)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
