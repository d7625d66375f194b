import { DataTable } from '../../components/data-table';
import { format, useMessages } from '../../i18n/i18n';
import { type ConfigView } from './contract-config-types';
import { contractMessages } from '../contracts/contract-messages';
import { keyed } from './config-words';
import { DEFAULT_HOURS, durationText, list } from './config-view-words';

/** Working time, severities, targets and the ticket process. */
export function ConfigSlaSection({ config }: { config: ConfigView }) {
  const t = useMessages(contractMessages);
  const severities = [...list(config.sla?.policy?.severities)].sort((a, b) => b.rank - a.rank);
  const targets = list(config.sla?.policy?.targets);
  const process = config.sla?.process ?? {};
  const hours = config.calendar?.workingHours?.length ? config.calendar.workingHours : DEFAULT_HOURS;
  return (
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
            t.startsAt,
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
              <td className="nowrap">{keyed(t, 'startsAt', x.startsAt ?? 'received')}</td>
              <td>
                {x.coverage
                  ? x.coverage
                      .map((c) =>
                        format(t.coverageLine, {
                          severities: c.severities
                            .map((id) => severities.find((s) => s.id === id)?.name ?? id)
                            .join('、'),
                          clock: keyed(t, 'clock', c.clock),
                        }),
                      )
                      .join('；')
                  : keyed(t, 'clock', x.clock)}
              </td>
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
  );
}
