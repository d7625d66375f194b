import { DataTable } from '../../components/data-table';
import { Money } from '../../components/money';
import { useMessages } from '../../i18n/i18n';
import { basisKey, procurementMessages } from './procurement-messages';
import { isSubjective, type Package } from './procurement-queries';
import { answerWords, sheetWords } from './procurement-words';

export function BidsAndSheets({ pkg }: { pkg: Package }) {
  const t = useMessages(procurementMessages);
  const bidder = (id: string) => pkg.bids.find((b) => b.id === id)?.bidderName ?? id;
  const basisWords = (v: string | null) => {
    const k = v ? basisKey(v) : null;
    return k ? t[k] : (v ?? '');
  };
  const subjective = pkg.scheme.items.filter(isSubjective);
  return (
    <>
      <section aria-labelledby="bids">
        <h3 id="bids">{t.bids}</h3>
        {pkg.bids.length ? (
          <DataTable columns={[t.bidder, t.price, t.smallOrMicro, t.disqualified, t.objective]} testId="bids">
            {pkg.bids.map((b) => (
              <tr key={b.id}>
                <th scope="row">{b.bidderName}</th>
                <td>
                  <Money value={b.price} />
                </td>
                <td>{b.smallOrMicro ? `${t.yes}（${basisWords(b.preferenceBasis)}）` : t.no}</td>
                <td>{b.disqualified ? (b.disqualificationReason ?? t.yes) : t.no}</td>
                <td>
                  <ul className="plain">
                    {pkg.scheme.items
                      .filter((i) => !isSubjective(i) && b.objective[i.id] !== undefined)
                      .map((i) => (
                        <li key={i.id}>
                          {i.label}：{answerWords(b.objective[i.id], t)}
                        </li>
                      ))}
                  </ul>
                </td>
              </tr>
            ))}
          </DataTable>
        ) : (
          <p>{t.noBids}</p>
        )}
      </section>
      <section aria-labelledby="sheets">
        <h3 id="sheets">{t.sheets}</h3>
        {pkg.sheets.length ? (
          <div className="table-wrap">
            <table data-testid="sheets">
              <thead>
                <tr>
                  <th scope="col">{t.evaluator}</th>
                  <th scope="col">{t.bid}</th>
                  {subjective.map((i) => (
                    <th scope="col" key={i.id}>
                      {i.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {pkg.sheets.map((s) => (
                  <tr key={s.id}>
                    <th scope="row">{s.evaluator}</th>
                    <td>{bidder(s.bidId)}</td>
                    {subjective.map((i) => (
                      <td key={i.id}>{sheetWords(s.items[i.id], t)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>{t.noSheets}</p>
        )}
      </section>
    </>
  );
}
