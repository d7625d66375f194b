import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useGraphqlMutation, useGraphqlQuery } from '../../api/use-graphql';
import { FormField } from '../../components/form-field';
import { Money } from '../../components/money';
import { ErrorState, QueryView } from '../../components/query-state';
import { format, useMessages } from '../../i18n/i18n';
import { RecordBidForm } from './procurement-forms';
import { RecordSheetForm } from './procurement-sheet-form';
import { procurementMessages } from './procurement-messages';
import { ADD_PACKAGE, type Package, packageOf, PACKAGES, RANKING } from './procurement-queries';
import { BidsAndSheets } from './procurement-bids';
import { RankingView } from './procurement-ranking';
import { SchemeTable } from './procurement-scheme-table';

function PackageDetail({
  pkg,
  presets,
  canRecord,
  onSaved,
}: {
  pkg: Package;
  presets: { id: string; title: string }[];
  canRecord: boolean;
  onSaved(): void;
}) {
  const t = useMessages(procurementMessages);
  // The API recomputes the ranking on every read; the parent remounts this after each record, so it is read again.
  const ranking = useGraphqlQuery(RANKING, { packageId: pkg.id });
  return (
    <section className="panel" aria-labelledby="package-title" data-testid="package-detail">
      <h2 id="package-title">{format(t.packageTitle, { n: pkg.number, name: pkg.name })}</h2>
      <p>
        {t.budget} <Money value={pkg.budget} />{' '}
        {pkg.presetId
          ? `· ${t.preset}：${presets.find((p) => p.id === pkg.presetId)?.title ?? pkg.scheme.name ?? '—'}`
          : null}
      </p>
      <SchemeTable pkg={pkg} />
      <BidsAndSheets pkg={pkg} />
      {canRecord ? <RecordBidForm pkg={pkg} onSaved={onSaved} /> : null}
      {canRecord ? <RecordSheetForm key={pkg.bids.length} pkg={pkg} onSaved={onSaved} /> : null}
      <section aria-labelledby="ranking-title" data-testid="ranking-section">
        <h2 id="ranking-title">{t.ranking}</h2>
        <QueryView query={ranking}>{({ packageRanking }) => <RankingView ranking={packageRanking} />}</QueryView>
      </section>
    </section>
  );
}

export function ProjectPackages({
  projectId,
  presets,
  canRecord,
}: {
  projectId: string;
  presets: { id: string; title: string }[];
  canRecord: boolean;
}) {
  const t = useMessages(procurementMessages);
  const [search, setSearch] = useSearchParams();
  const packages = useGraphqlQuery(PACKAGES, { projectId });
  const [add, addState] = useGraphqlMutation(ADD_PACKAGE);
  const tianjin = presets.filter((p) => p.id.startsWith('tianjin-'));
  const [presetId, setPresetId] = useState(tianjin[tianjin.length - 1]?.id ?? '');
  const [number, setNumber] = useState('8');
  const [name, setName] = useState('');
  const selected = search.get('package');
  const onAdd = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const { addProcurementPackage } = await add({
        input: {
          projectId,
          number: Number(number),
          name: name || (tianjin.find((p) => p.id === presetId)?.title ?? presetId),
          presetId,
        },
      });
      setSearch({ project: projectId, package: addProcurementPackage.id });
      packages.reload();
    } catch {
      // shown from the mutation's state
    }
  };
  return (
    <section aria-labelledby="packages">
      <h2 id="packages">{t.packages}</h2>
      <QueryView query={packages}>
        {({ procurementPackages }) => {
          const pkg = procurementPackages.find((p) => p.id === selected) ?? procurementPackages[0];
          return (
            <>
              {procurementPackages.length ? (
                <ul className="package-list">
                  {procurementPackages.map((p) => (
                    <li key={p.id}>
                      <button
                        type="button"
                        className={p.id === pkg?.id ? undefined : 'secondary'}
                        aria-pressed={p.id === pkg?.id}
                        onClick={() => setSearch({ project: projectId, package: p.id })}
                      >
                        {format(t.packageTitle, { n: p.number, name: p.name })}
                      </button>
                    </li>
                  ))}
                </ul>
              ) : (
                <p>{t.noPackages}</p>
              )}
              {canRecord ? (
                <form className="panel inline-form" onSubmit={onAdd} aria-labelledby="add-package">
                  <h3 id="add-package">{t.addPackage}</h3>
                  <FormField label={t.preset}>
                    {(p) => (
                      <select {...p} value={presetId} onChange={(e) => setPresetId(e.target.value)}>
                        {tianjin.map((x) => (
                          <option key={x.id} value={x.id}>
                            {x.title}
                          </option>
                        ))}
                      </select>
                    )}
                  </FormField>
                  <FormField label={t.packageNumber}>
                    {(p) => (
                      <input
                        {...p}
                        type="number"
                        min={1}
                        required
                        value={number}
                        onChange={(e) => setNumber(e.target.value)}
                      />
                    )}
                  </FormField>
                  <FormField label={t.packageName}>
                    {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} />}
                  </FormField>
                  <button type="submit" disabled={addState.running}>
                    {t.add}
                  </button>
                  {addState.error ? <ErrorState error={addState.error} /> : null}
                </form>
              ) : null}
              {pkg ? (
                <PackageDetail
                  key={`${pkg.id}-${pkg.bids.length}-${pkg.sheets.length}`}
                  pkg={packageOf(pkg)}
                  presets={presets}
                  canRecord={canRecord}
                  onSaved={packages.reload}
                />
              ) : null}
            </>
          );
        }}
      </QueryView>
    </section>
  );
}
