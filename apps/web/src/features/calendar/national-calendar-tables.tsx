import { DataTable } from '../../components/data-table';
import { format, useLocale, useMessages } from '../../i18n/i18n';
import { formatDate, formatDateTime } from '../../i18n/local-format';
import { formatCalendarDay } from './national-calendar-format';
import { nationalCalendarMessages } from './national-calendar-messages';
import { type CalendarDay, type CalendarYear } from './national-calendar-queries';

type Texts = Readonly<Record<keyof (typeof nationalCalendarMessages)['zh-CN'], string>>;

const sourceText = (source: string | null, t: Texts): string =>
  source === 'shipped'
    ? t.sourceShipped
    : source === 'package'
      ? t.sourcePackage
      : source === 'admin'
        ? t.sourceAdmin
        : t.sourceOther;

export function YearsTable({ years }: { years: readonly CalendarYear[] }) {
  const t = useMessages(nationalCalendarMessages);
  return (
    <DataTable
      columns={[t.colYear, t.colStatus, t.colBasis, t.colDays]}
      testId="calendar-years"
      className="calendar-years"
    >
      {years.map((y) => (
        <tr key={y.year} data-year={y.year} data-status={y.status}>
          <th scope="row">{format(t.yearLabel, { year: y.year })}</th>
          <td data-field="status">
            {y.status === 'published' ? (
              <>
                <strong>{t.statusPublished}</strong>
                {y.revision !== null ? <div className="muted">{format(t.revision, { n: y.revision })}</div> : null}
              </>
            ) : (
              <>
                <strong className="calendar-provisional">{t.statusProvisional}</strong>
                <div className="muted">{t.provisionalExplained}</div>
              </>
            )}
          </td>
          <td data-field="basis">{y.status === 'published' ? <Basis year={y} /> : '—'}</td>
          <td data-field="days">
            <DayLists year={y} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

/** Where a published year comes from: its notice, else its source (and the data version it was shipped in). */
function Basis({ year }: { year: CalendarYear }) {
  const t = useMessages(nationalCalendarMessages);
  const { locale } = useLocale();
  return (
    <>
      {year.notice ? (
        <div data-field="notice">
          {format(t.noticeText, {
            title: year.notice.title,
            number: year.notice.number,
            date: formatDate(year.notice.date, locale),
          })}
        </div>
      ) : null}
      <div className={year.notice ? 'muted' : undefined}>
        {sourceText(year.source, t)}
        {year.release ? (
          <>
            {' · '}
            {t.dataVersion} <code translate="no">{year.release}</code>
          </>
        ) : null}
      </div>
    </>
  );
}

/** The year's days off and make-up working days, folded under their counts. */
function DayLists({ year }: { year: CalendarYear }) {
  const t = useMessages(nationalCalendarMessages);
  return (
    <details className="calendar-days">
      <summary>
        {format(t.daysSummary, { holidays: year.holidays.length, workdays: year.makeUpWorkdays.length })}
      </summary>
      <DayList heading={t.holidaysHeading} days={year.holidays} kind="holidays" />
      <DayList heading={t.makeUpHeading} days={year.makeUpWorkdays} kind="makeUpWorkdays" />
    </details>
  );
}

function DayList({ heading, days, kind }: { heading: string; days: readonly CalendarDay[]; kind: string }) {
  const t = useMessages(nationalCalendarMessages);
  const { locale } = useLocale();
  return (
    <div className="calendar-day-list" data-list={kind}>
      <h3>{heading}</h3>
      {days.length ? (
        <ul>
          {days.map((d) => (
            <li key={d.date} data-date={d.date}>
              <span className="calendar-date">{formatCalendarDay(d.date, locale)}</span> {d.name}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t.noDays}</p>
      )}
    </div>
  );
}

export function HistoryTable({ publications }: { publications: readonly CalendarYear[] }) {
  const t = useMessages(nationalCalendarMessages);
  const { locale } = useLocale();
  return (
    <DataTable
      columns={[t.colPublishedAt, t.colYear, t.colRevision, t.colSource, t.colNotice, t.colCorrection]}
      testId="calendar-publications"
      className="calendar-history"
      empty={t.noPublications}
    >
      {publications.map((p) => (
        <tr
          key={p.revision ?? `${p.year}-${p.publishedAt ?? ''}`}
          data-year={p.year}
          data-revision={p.revision ?? undefined}
        >
          <th scope="row" data-field="published-at">
            {formatDateTime(p.publishedAt)}
          </th>
          <td className="calendar-nowrap">{format(t.yearLabel, { year: p.year })}</td>
          <td>{p.revision ?? '—'}</td>
          <td>{sourceText(p.source, t)}</td>
          <td data-field="notice">
            {p.notice
              ? format(t.noticeText, {
                  title: p.notice.title,
                  number: p.notice.number,
                  date: formatDate(p.notice.date, locale),
                })
              : '—'}
          </td>
          <td data-field="correction">{p.correction ?? '—'}</td>
        </tr>
      ))}
    </DataTable>
  );
}
