import { DataTable } from '../../components/data-table';
import { format, useLocale, useMessages } from '../../i18n/i18n';
import { kindKey, procurementMessages } from './procurement-messages';
import { type Package } from './procurement-queries';
import { ruleWords } from './procurement-words';

export function SchemeTable({ pkg }: { pkg: Package }) {
  const t = useMessages(procurementMessages);
  const { locale } = useLocale();
  const s = pkg.scheme;
  return (
    <section aria-labelledby="scheme">
      <h3 id="scheme">
        {t.scheme}
        {s.name ? `：${s.name}` : ''}
      </h3>
      <p className="muted">
        {format(t.schemeSummary, {
          total: s.totalPoints ?? '—',
          price: String(s.price?.weight ?? '—'),
          objective: s.groupTotals?.objective ?? '—',
          subjective: s.groupTotals?.subjective ?? '—',
          deduction: s.price?.smallMicroDeduction ?? '—',
          min: s.minValidBids ?? '—',
        })}
      </p>
      <DataTable columns={[t.item, t.kind, t.params]} testId="scheme-items">
        {s.items.map((i) => {
          const k = kindKey(i.kind);
          return (
            <tr key={i.id}>
              <th scope="row">{i.label || i.id}</th>
              <td>{k ? t[k] : i.kind}</td>
              <td>{ruleWords(i, t, locale)}</td>
            </tr>
          );
        })}
      </DataTable>
    </section>
  );
}
