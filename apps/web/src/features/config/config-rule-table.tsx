import { DataTable } from '../../components/data-table';
import { format } from '../../i18n/i18n';
import { type RuleView } from './contract-config-types';
import { named, type ViewWords as T } from './config-words';
import { conditionsText, list, paramsText } from './config-view-words';

export function RuleTable({ t, caption, rules, empty }: { t: T; caption: string; rules: RuleView[]; empty: string }) {
  if (!rules.length) return <p className="muted">{empty}</p>;
  return (
    <DataTable columns={[t.name, t.kind, t.terms]} caption={caption}>
      {rules.map((r) => {
        const steps = list(
          r.params?.steps as
            | {
                id: string;
                label?: string;
                cumulativePercent: number | string;
                conditions?: Record<string, unknown>[];
              }[]
            | undefined,
        );
        const conditions = conditionsText(t, r.conditions);
        return (
          <tr key={r.id} data-rule={r.id}>
            <th scope="row">{r.label ?? r.id}</th>
            <td>{named(t, 'rule', r.kind, t.otherRule)}</td>
            <td>
              {paramsText(t, r.params)}
              {steps.length ? (
                <ul>
                  {steps.map((s) => (
                    <li key={s.id}>
                      {format(t.stepLine, { label: s.label ?? s.id, percent: String(s.cumulativePercent) })}
                      {conditionsText(t, s.conditions) ? ` · ${conditionsText(t, s.conditions)}` : ''}
                    </li>
                  ))}
                </ul>
              ) : null}
              {conditions ? <div className="muted">{conditions}</div> : null}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
