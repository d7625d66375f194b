import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useGraphqlMutation, useGraphqlQuery } from '../../api/use-graphql';
import { DataTable, HiddenColumnTitle } from '../../components/data-table';
import { FormField } from '../../components/form-field';
import { Money } from '../../components/money';
import { Page } from '../../components/page';
import { ErrorState, QueryView } from '../../components/query-state';
import { format, useLocale, useMessages } from '../../i18n/i18n';
import { formatDecimal2 } from '../../i18n/local-format';
import { useSession } from '../../session/session';
import { RecordBidForm, RecordSheetForm } from './procurement-forms';
import type { Locale } from '../../i18n/messages';
import { explanationText, procurementUnitInWords } from '../../components/explanation-text';
import { basisKey, decidedByKey, kindKey, procurementMessages, statusKey } from './procurement-messages';
import {
  ADD_PACKAGE,
  CREATE_PROJECT,
  isSubjective,
  type Package,
  packageOf,
  PACKAGES,
  PROJECTS,
  RANKING,
  type Ranking,
  type SchemeItem,
} from './procurement-queries';
import '../../components/panels.css';

function SchemeTable({ pkg }: { pkg: Package }) {
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

type WordsText = Readonly<
  Record<
    | 'ruleCapped'
    | 'ruleCappedSince'
    | 'ruleAllOrNothing'
    | 'ruleFlawLadder'
    | 'yes'
    | 'no'
    | 'answerEvidence'
    | 'sheetFlaws'
    | 'sheetNotProvided'
    | 'sheetNotMeeting'
    | 'sheetMissingTopics'
    | 'notAnswered'
    | 'count',
    string
  >
>;

/** A scoring item's rule in words, by kind (no parameters as JSON). */
function ruleWords(i: SchemeItem, t: WordsText, locale: Locale): string {
  const p = i.params;
  if (i.kind === 'capped-count') {
    const text = format(t.ruleCapped, {
      unit: typeof p.unit === 'string' ? procurementUnitInWords(p.unit, locale) : t.count,
      points: String(p.unitPoints ?? ''),
      cap: String(p.cap ?? ''),
    });
    return typeof p.notBefore === 'string' ? `${text}${format(t.ruleCappedSince, { date: p.notBefore })}` : text;
  }
  if (i.kind === 'all-or-nothing')
    return format(t.ruleAllOrNothing, { points: String(p.points ?? ''), condition: String(p.condition ?? '') });
  if (i.kind === 'flaw-ladder')
    return format(t.ruleFlawLadder, { ladder: Array.isArray(p.ladder) ? p.ladder.join(' / ') : '' });
  return '—';
}

/** A bid's answer to an objective item: a count, yes/no, or the evidence list (rejected evidence not counted). */
function answerWords(v: unknown, t: WordsText): string {
  if (v === undefined || v === null) return t.notAnswered;
  if (typeof v === 'boolean') return v ? t.yes : t.no;
  if (Array.isArray(v))
    return format(t.answerEvidence, {
      n: v.length,
      counted: v.filter((e) => !(isRecord(e) && e.qualifies === false)).length,
    });
  return String(v);
}

/** An evaluator's entry for a subjective item: flaws found, or why the plan scores nothing. */
function sheetWords(v: unknown, t: WordsText): string {
  if (v === undefined || v === null) return t.notAnswered;
  if (typeof v === 'number') return format(t.sheetFlaws, { n: v });
  if (!isRecord(v)) return String(v);
  if (v.provided === false) return t.sheetNotProvided;
  const parts = [format(t.sheetFlaws, { n: String(v.flaws ?? 0) })];
  if (v.meetsRequirements === false) parts.push(t.sheetNotMeeting);
  if (Array.isArray(v.missingTopics) && v.missingTopics.length)
    parts.push(format(t.sheetMissingTopics, { topics: v.missingTopics.join('、') }));
  return parts.join('；');
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function BidsAndSheets({ pkg }: { pkg: Package }) {
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

function RankingView({ ranking: r }: { ranking: Ranking }) {
  const t = useMessages(procurementMessages);
  // The engine's explanations arrive as code + params and are rendered in the console's language.
  const { locale } = useLocale();
  return (
    <>
      <p>
        {t.budget} <Money value={r.budget} /> · {t.basePrice}{' '}
        {r.basePrice ? <Money value={r.basePrice.evaluatedPrice} /> : '—'}
      </p>
      <DataTable columns={[t.rank, t.bidder, t.total, t.price, t.decidedBy]} caption={t.ranking} testId="ranking">
        {r.ranking.map((l) => {
          const k = decidedByKey(l.decidedBy);
          return (
            <tr key={l.bidId} data-bid-id={l.bidId}>
              <td data-field="rank">{l.rank}</td>
              <th scope="row">{l.bidderName}</th>
              <td data-field="total">{formatDecimal2(l.total)}</td>
              <td>
                <Money value={l.price} />
              </td>
              <td>{k ? t[k] : l.decidedBy}</td>
            </tr>
          );
        })}
      </DataTable>
      {r.flags.length ? (
        <ul aria-label={t.flags}>
          {r.flags.map((f, i) => (
            <li key={i}>
              <code>{f.code}</code> {f.message}
            </li>
          ))}
        </ul>
      ) : null}
      <h3>{t.scores}</h3>
      {r.bidders.map((b) => (
        <details key={b.bidId} className="panel" data-bidder={b.bidderName}>
          <summary>
            {b.bidderName} · {b.valid ? t.valid : format(t.invalid, { reasons: b.invalidReasons.join('；') })} ·{' '}
            {t.total} {formatDecimal2(b.total)}
          </summary>
          <p data-field="price-score">
            {t.priceScore} {formatDecimal2(b.priceScore)}
            {b.priceExplained ? (
              <span data-code={b.priceExplained.code}>（{explanationText(b.priceExplained, locale)}）</span>
            ) : null}
          </p>
          <table>
            <caption>
              {t.objective} {formatDecimal2(b.objectiveTotal)}
            </caption>
            <tbody>
              {b.objective.map((o) => (
                <tr key={o.itemId}>
                  <th scope="row">{o.label || o.itemId}</th>
                  <td>{formatDecimal2(o.points)}</td>
                  <td data-code={o.explained.code}>{explanationText(o.explained, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table>
            <caption>
              {t.subjective} {formatDecimal2(b.subjectiveTotal)}
            </caption>
            <tbody>
              {b.subjective.map((s) => (
                <tr key={s.itemId}>
                  <th scope="row">{s.label || s.itemId}</th>
                  <td>{formatDecimal2(s.mean)}</td>
                  <td>
                    {s.perEvaluator
                      .map(
                        (e) => `${e.evaluator}：${formatDecimal2(e.points)}（${explanationText(e.explained, locale)}）`,
                      )
                      .join('；')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            {t.evaluatorTotals}：
            {b.evaluatorTotals.map((e) => `${e.evaluator} ${formatDecimal2(e.total)}`).join('，') || '—'}
          </p>
        </details>
      ))}
      {r.notes.length ? (
        <ul aria-label={t.notes}>
          {r.notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

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

function ProjectPackages({
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

/** Tianjin's procurement: projects and packages, the scoring scheme, bids and evaluator sheets, scores and ranking. */
export function ProcurementPage() {
  const t = useMessages(procurementMessages);
  const { user } = useSession();
  const canRecord = user?.role === 'buyer-admin' || user?.role === 'buyer-staff';
  const [search, setSearch] = useSearchParams();
  const query = useGraphqlQuery(PROJECTS, {});
  const statusWords = (v: string) => {
    const k = statusKey(v);
    return k ? t[k] : v;
  };
  const [create, createState] = useGraphqlMutation(CREATE_PROJECT);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const onCreate = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const { createProcurementProject } = await create({ input: { code, name } });
      setSearch({ project: createProcurementProject.id });
      query.reload();
    } catch {
      // shown from the mutation's state
    }
  };
  return (
    <Page title={t.title}>
      <QueryView query={query}>
        {({ procurementProjects, presets }) => {
          const projectId = search.get('project') ?? procurementProjects[0]?.id;
          return (
            <>
              <section aria-labelledby="projects">
                <h2 id="projects">{t.projects}</h2>
                {procurementProjects.length ? (
                  <DataTable
                    columns={[t.code, t.name, t.status, <HiddenColumnTitle>{t.open}</HiddenColumnTitle>]}
                    testId="projects"
                  >
                    {procurementProjects.map((p) => (
                      <tr key={p.id} aria-current={p.id === projectId ? 'true' : undefined}>
                        <th scope="row">{p.code}</th>
                        <td>{p.name}</td>
                        <td>{statusWords(p.status)}</td>
                        <td>
                          <button
                            type="button"
                            onClick={() => setSearch({ project: p.id })}
                            aria-label={`${t.open} ${p.code}`}
                          >
                            {t.open}
                          </button>
                        </td>
                      </tr>
                    ))}
                  </DataTable>
                ) : (
                  <p>{t.noProjects}</p>
                )}
                {canRecord ? (
                  <form className="panel inline-form" onSubmit={onCreate} aria-labelledby="create-project">
                    <h3 id="create-project">{t.createProject}</h3>
                    <FormField label={t.code}>
                      {(p) => (
                        <input
                          {...p}
                          required
                          placeholder="TGPC-2025-D-1284"
                          value={code}
                          onChange={(e) => setCode(e.target.value)}
                        />
                      )}
                    </FormField>
                    <FormField label={t.projectName}>
                      {(p) => <input {...p} required value={name} onChange={(e) => setName(e.target.value)} />}
                    </FormField>
                    <button type="submit" disabled={createState.running}>
                      {t.create}
                    </button>
                    {createState.error ? <ErrorState error={createState.error} /> : null}
                  </form>
                ) : null}
              </section>
              {projectId ? (
                <ProjectPackages key={projectId} projectId={projectId} presets={presets} canRecord={canRecord} />
              ) : null}
            </>
          );
        }}
      </QueryView>
    </Page>
  );
}
