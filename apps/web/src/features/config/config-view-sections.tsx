import { DataTable } from '../../components/data-table';
import { Money } from '../../components/money';
import { format, useMessages } from '../../i18n/i18n';
import { type ConfigView, isRecord, type RuleView } from './contract-config-types';
import { contractMessages } from '../contracts/contract-messages';
import { keyed, named } from './config-words';
import { RuleTable } from './config-rule-table';
import { componentRule, list } from './config-view-words';

/** Parties, term and money of the configuration. */
export function ConfigBasicsSection({ config }: { config: ConfigView }) {
  const t = useMessages(contractMessages);
  return (
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
        {config.acceptance?.notes ? (
          <>
            <dt>{t.acceptanceTerms}</dt>
            <dd data-field="acceptance-notes">{config.acceptance.notes}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

/** Roles, headcounts and staffing rules. */
export function ConfigStaffingSection({ config }: { config: ConfigView }) {
  const t = useMessages(contractMessages);
  const staffing = config.staffing ?? {};
  const roles = list(staffing.roles);
  return (
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
  );
}

/** The assessment scheme: its components and their rules. */
export function ConfigAssessmentSection({ config }: { config: ConfigView }) {
  const t = useMessages(contractMessages);
  const assessment = config.assessment;
  const components = list(assessment?.components);
  return (
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
  );
}

/** Payment milestones and deductions. */
export function ConfigPaymentSection({ config }: { config: ConfigView }) {
  const t = useMessages(contractMessages);
  return (
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
  );
}
