import type { ReactNode } from 'react';
import { DataTable } from '../../components/data-table';
import { Money } from '../../components/money';
import { format, useMessages } from '../../i18n/i18n';
import {
  type Band,
  type ComponentView,
  type ConfigView,
  isRecord,
  type RuleView,
  type SlaDuration,
} from './contract-config-types';
import { contractMessages } from '../contracts/contract-messages';
import { keyed, named, type ViewWords as T } from './config-words';

const DEFAULT_HOURS = [
  { start: '08:30', end: '12:00' },
  { start: '13:30', end: '17:30' },
];

function durationText(t: T, d: SlaDuration): string {
  if (d.workingDays !== undefined)
    return format(d.mode === 'end-of-day' ? t.workingDaysEndOfDay : t.workingDays, { n: d.workingDays });
  if (d.minutes === undefined) return '—';
  return d.minutes >= 60 && d.minutes % 60 === 0
    ? format(t.hours, { n: d.minutes / 60 })
    : format(t.minutes, { n: d.minutes });
}

/** A configuration value in words: the known values from the dictionary ("year-fee" → 年服务费), numbers as they are. */
function valueWord(t: T, key: string, v: unknown): string {
  if (typeof v === 'boolean') return v ? t.yes : t.no;
  if (typeof v === 'string') return keyed(t, 'value', v);
  return `${String(v)}${/percent/i.test(key) ? ' %' : ''}`;
}

/** One parameter value as short text: when it is due, a cap, grade deductions, or a plain value. */
function valueText(t: T, key: string, v: unknown): string {
  if (key === 'due' && isRecord(v)) {
    if (v.kind === 'date' && typeof v.date === 'string') return v.date;
    const event = keyed(t, 'value', String(v.event ?? ''));
    return v.months !== undefined
      ? format(t.dueAfterMonths, { event, months: String(v.months) })
      : format(t.dueAfter, { event });
  }
  if (key === 'cap' && isRecord(v))
    return format(t.capOf, { of: keyed(t, 'value', String(v.of ?? '')), percent: String(v.percent ?? '') });
  if (key === 'grades' && Array.isArray(v)) {
    return v
      .filter(isRecord)
      .map((g) =>
        format(t.gradeDeduction, {
          grade: String(g.grade ?? ''),
          percent: String(g.percent ?? ''),
          months: String(g.delayMonths ?? 0),
        }),
      )
      .join('；');
  }
  if (Array.isArray(v)) return v.map((x) => valueText(t, key, x)).join('、');
  if (isRecord(v))
    return Object.entries(v)
      .map(([k, x]) => `${paramLabel(t, k)} ${valueText(t, k, x)}`)
      .join('，');
  return valueWord(t, key, v);
}

/** A parameter's name in words; one the dictionary does not know is "other parameter", never its key. */
function paramLabel(t: T, key: string): string {
  const k = `param${key}` as keyof T;
  return k in t ? t[k] : t.otherParam;
}

/** A rule's parameters as short text, each named in words. */
function paramsText(t: T, params: Record<string, unknown> | undefined): string {
  if (!params) return '';
  return Object.entries(params)
    .filter(([k]) => k !== 'steps')
    .map(([k, v]) => `${paramLabel(t, k)}：${valueText(t, k, v)}`)
    .join('；');
}

function bandText(t: T, b: Band): string {
  return format(t.bandLine, {
    label: b.label ?? `${b.min?.value ?? ''}–${b.max?.value ?? ''}`,
    points: String(b.points ?? ''),
  });
}

function list<X>(items: X[] | undefined): X[] {
  return Array.isArray(items) ? items : [];
}

/** What an assessment component scores and how much each part weighs, by rule kind. */
function componentRule(t: T, c: ComponentView): ReactNode {
  const p = c.params ?? {};
  switch (c.kind) {
    case 'staff-average': {
      const parts = list(p.parts as { id: string; label?: string; max: number | string }[] | undefined);
      const bonus = p.taskBonus as { min: number | string; max: number | string } | undefined;
      const bands = list((p.adjustment as { bands?: Band[] } | undefined)?.bands);
      return (
        <>
          {[
            ...parts.map((x) => format(t.partLine, { label: x.label ?? x.id, max: String(x.max) })),
            ...(bonus ? [format(t.taskBonus, { min: String(bonus.min), max: String(bonus.max) })] : []),
          ].join('；')}
          {bands.length ? (
            <ul>
              {bands.map((b, i) => (
                <li key={i}>{bandText(t, b)}</li>
              ))}
            </ul>
          ) : null}
        </>
      );
    }
    case 'per-event':
      return format(t.perEvent, { points: String(p.pointsPerEvent ?? ''), event: String(p.event ?? '') });
    case 'choice-table':
      return list(p.choices as { value: string; points: number | string }[] | undefined)
        .map((x) => format(t.choiceLine, { value: x.value, points: String(x.points) }))
        .join('；');
    case 'banded':
      return (
        <ul>
          {list(p.bands as Band[] | undefined).map((b, i) => (
            <li key={i}>{bandText(t, b)}</li>
          ))}
        </ul>
      );
    case 'item-average-grade': {
      const items = list(p.items as { id: string; label?: string }[] | undefined);
      return (
        <>
          {format(t.itemsLine, {
            n: items.length,
            max: String(p.itemMax ?? ''),
            items: items.map((x) => x.label ?? x.id).join('、'),
          })}
          <ul>
            {list(p.grades as Band[] | undefined).map((g, i) => (
              <li key={i}>{format(t.gradeLine, { grade: g.grade ?? '', label: g.label ?? '' })}</li>
            ))}
          </ul>
        </>
      );
    }
    default:
      return paramsText(t, p);
  }
}

function conditionsText(t: T, conditions: Record<string, unknown>[] | undefined): string | null {
  const items = list(conditions);
  if (!items.length) return null;
  return format(t.conditions, {
    list: items
      .map((c) => format(named(t, 'condition', String(c.kind ?? ''), t.otherCondition), { min: String(c.min ?? '') }))
      .join('；'),
  });
}

function RuleTable({ t, caption, rules, empty }: { t: T; caption: string; rules: RuleView[]; empty: string }) {
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

/** The contract configuration in words and tables: parties and money, staffing, SLA, assessment, payment. */
export function ContractConfigView({ config }: { config: ConfigView }) {
  const t = useMessages(contractMessages);
  const staffing = config.staffing ?? {};
  const roles = list(staffing.roles);
  const severities = [...list(config.sla?.policy?.severities)].sort((a, b) => b.rank - a.rank);
  const targets = list(config.sla?.policy?.targets);
  const process = config.sla?.process ?? {};
  const hours = config.calendar?.workingHours?.length ? config.calendar.workingHours : DEFAULT_HOURS;
  const assessment = config.assessment;
  const components = list(assessment?.components);
  return (
    <div className="config-view">
      <section aria-labelledby="cfg-basics">
        <h3 id="cfg-basics">{t.basics}</h3>
        <dl className="facts">
          <dt>{t.buyer}</dt>
          <dd>{config.parties?.buyer ?? '—'}</dd>
          <dt>{t.vendor}</dt>
          <dd>{config.parties?.vendor ?? '—'}</dd>
          <dt>{t.amount}</dt>
          <dd>
            <Money value={config.money?.amount} />
          </dd>
          {config.money?.budget ? (
            <>
              <dt>{t.budget}</dt>
              <dd>
                <Money value={config.money.budget} />
              </dd>
            </>
          ) : null}
          <dt>{t.term}</dt>
          <dd>
            {config.term?.start ?? '—'} – {config.term?.end ?? '—'}
          </dd>
        </dl>
      </section>

      <section aria-labelledby="cfg-staffing">
        <h3 id="cfg-staffing">{t.staffing}</h3>
        {roles.length ? (
          <DataTable
            columns={[t.role, t.headcount, t.placement, t.coverage, t.core, t.attendance, t.qualifications]}
            caption={t.staffing}
            section="staffing"
          >
            {roles.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.name}</th>
                <td>{r.headcount}</td>
                <td>{keyed(t, 'placement', r.placement)}</td>
                <td>{(r.coverage ?? '5x8').replace('x', '×')}</td>
                <td>{r.core ? t.yes : t.no}</td>
                <td>{r.countsForAttendance === false ? t.no : t.yes}</td>
                <td className="muted">{r.qualifications ?? ''}</td>
              </tr>
            ))}
          </DataTable>
        ) : (
          <p className="muted">{t.noRoles}</p>
        )}
        <ul>
          {list(staffing.minimums).map((m, i) => (
            <li key={m.id ?? i}>{format(t.minimumLine, { description: m.description ?? t.minimums, min: m.min })}</li>
          ))}
          {staffing.turnoverCaps ? (
            <li>
              {format(t.turnoverCaps, {
                core: String(staffing.turnoverCaps.core ?? '—'),
                other: String(staffing.turnoverCaps.other ?? '—'),
              })}
            </li>
          ) : null}
          {staffing.replacement ? (
            <li>
              {format(t.replacement, {
                notice: staffing.replacement.noticeWorkingDays,
                handover: staffing.replacement.handoverWorkingDays,
              })}
            </li>
          ) : null}
          {staffing.holidayDuty ? (
            <li>
              {format(t.holidayDuty, {
                min: staffing.holidayDuty.minOnDuty,
                where: staffing.holidayDuty.where ? `（${staffing.holidayDuty.where}）` : '',
              })}
            </li>
          ) : null}
          {list(staffing.allowances).map((a) => (
            <li key={a.id}>
              {format(t.allowanceLine, {
                description: a.description,
                amount: String(a.amount),
                unit: keyed(t, 'unit', a.unit),
                per: keyed(t, 'period', keyed(t, 'per', a.per)),
              })}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="cfg-sla">
        <h3 id="cfg-sla">{t.sla}</h3>
        <h4>{t.workingTime}</h4>
        <ul>
          <li>
            {format(t.timeZone, {
              zone:
                (config.calendar?.timeZone ?? 'Asia/Shanghai') === 'Asia/Shanghai'
                  ? t.beijingTime
                  : (config.calendar?.timeZone ?? ''),
            })}
          </li>
          <li>
            {format(t.workingHours, { hours: hours.map((w) => `${w.start}–${w.end}`).join('、') })}
            {config.calendar?.workingHours?.length ? '' : t.defaultHours}
          </li>
          <li>{format(t.makeUpWorkdays, { value: config.calendar?.makeUpWorkdays === false ? t.no : t.yes })}</li>
          <li>
            {format(t.closures, {
              n: list(config.calendar?.overrides?.closures).length,
              m: list(config.calendar?.overrides?.extraWorkdays).length,
            })}
          </li>
        </ul>
        {process.feedbackWithinWorkingDays !== undefined ||
        process.closureAfterStableWorkingDays !== undefined ||
        process.settlementPatchesNotBefore ? (
          <>
            <h4>{t.processRules}</h4>
            <ul>
              {process.feedbackWithinWorkingDays !== undefined ? (
                <li>{format(t.feedbackWithin, { n: process.feedbackWithinWorkingDays })}</li>
              ) : null}
              {process.closureAfterStableWorkingDays !== undefined ? (
                <li>{format(t.closureAfter, { n: process.closureAfterStableWorkingDays })}</li>
              ) : null}
              {process.settlementPatchesNotBefore ? (
                <li>
                  {format(t.patchesFrom, {
                    from: process.settlementPatchesNotBefore,
                    to: process.settlementPatchesNotAfter ?? '08:30',
                  })}
                </li>
              ) : null}
            </ul>
          </>
        ) : null}
        {targets.length ? (
          <DataTable
            columns={[
              t.target,
              t.metric,
              t.clock,
              ...severities.map((s) => (
                <>
                  {s.name}
                  {/^L[1-4]$/.test(s.id) && s.name !== s.id ? <span className="muted"> ({s.id})</span> : null}
                </>
              )),
            ]}
            caption={t.slaMatrix}
            section="sla-matrix"
          >
            {targets.map((x) => (
              <tr key={x.id}>
                <th scope="row">{x.name}</th>
                <td>{keyed(t, 'metric', x.metric)}</td>
                <td>{keyed(t, 'clock', x.clock)}</td>
                {severities.map((s) => (
                  <td key={s.id}>
                    {x.severities.includes(s.id) ? (
                      durationText(t, x.duration)
                    ) : (
                      <span className="muted">{t.notApplicable}</span>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </DataTable>
        ) : (
          <p className="muted">{t.noSla}</p>
        )}
        {list(config.sla?.kpis).length ? (
          <>
            <h4>{t.kpis}</h4>
            <ul>
              {list(config.sla?.kpis).map((k) => (
                <li key={k.id}>
                  {format(t.kpiLine, {
                    name: k.name,
                    min: String(k.minPercent),
                    period: keyed(t, 'period', k.period ?? 'term'),
                  })}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section aria-labelledby="cfg-assessment">
        <h3 id="cfg-assessment">{t.assessment}</h3>
        {assessment && components.length ? (
          <>
            <p>
              {format(t.assessmentSummary, {
                period: keyed(t, 'period', assessment.period),
                base: String(assessment.base ?? '—'),
                min: String(assessment.clamp?.min ?? '—'),
                max: String(assessment.clamp?.max ?? '—'),
                year: assessment.yearAggregation?.kind ? keyed(t, 'year', assessment.yearAggregation.kind) : '—',
              })}
            </p>
            <DataTable columns={[t.component, t.kind, t.input, t.rule]} caption={t.assessment} section="assessment">
              {components.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{c.label ?? c.id}</th>
                  <td>{keyed(t, 'kind', c.kind)}</td>
                  <td>{named(t, 'input', c.input ?? c.id, t.otherInput)}</td>
                  <td>{componentRule(t, c)}</td>
                </tr>
              ))}
            </DataTable>
            {list(assessment.alerts).length ? (
              <>
                <h4>{t.alerts}</h4>
                <ul>
                  {list(assessment.alerts).map((a) => (
                    <li key={a.code}>{a.message}</li>
                  ))}
                </ul>
              </>
            ) : null}
          </>
        ) : (
          <p className="muted">{t.noAssessment}</p>
        )}
      </section>

      <section aria-labelledby="cfg-payment">
        <h3 id="cfg-payment">{t.payment}</h3>
        <RuleTable
          t={t}
          caption={t.milestones}
          rules={list(config.payment?.milestones).filter(isRecord) as RuleView[]}
          empty={t.noMilestones}
        />
        <RuleTable
          t={t}
          caption={t.deductions}
          rules={list(config.payment?.deductions).filter(isRecord) as RuleView[]}
          empty={t.noDeductions}
        />
      </section>
    </div>
  );
}
