import { useState } from 'react';
import { useGraphqlQuery } from '../../api/use-graphql';
import { DataTable } from '../../components/data-table';
import { Page } from '../../components/page';
import { QueryView } from '../../components/query-state';
import { format, useLocale, useMessages } from '../../i18n/i18n';
import { formatDate, formatDateTime } from '../../i18n/local-format';
import { formatCalendarDay } from './national-calendar-format';
import { nationalCalendarMessages } from './national-calendar-messages';
import {
  type CalendarDay,
  type CalendarYear,
  NATIONAL_CALENDAR,
  type PublicationResult,
} from './national-calendar-queries';
import { PublishCalendarForm } from './publish-calendar-form';
import './calendar-pages.css';

type Texts = Readonly<Record<keyof (typeof nationalCalendarMessages)['zh-CN'], string>>;

const sourceText = (source: string | null, t: Texts): string =>
  source === 'shipped'
    ? t.sourceShipped
    : source === 'package'
      ? t.sourcePackage
      : source === 'admin'
        ? t.sourceAdmin
        : t.sourceOther;

/**
 * The platform admin's national working-day calendar (issue 13): the version computed on now, each year as published
 * (with its notice or where it came from) or provisional, the publications newest first, and the publish form.
 */
export function NationalCalendarPage() {
  const t = useMessages(nationalCalendarMessages);
  const query = useGraphqlQuery(NATIONAL_CALENDAR, {});
  const [published, setPublished] = useState<PublicationResult | null>(null);
  const { reload } = query;
  return (
    <Page title={t.title}>
      <p className="muted">{t.intro}</p>
      {published ? (
        <p className="ok" role="status" data-testid="calendar-published">
          {format(t.published, { year: published.year, n: published.tenantsAsked })}
        </p>
      ) : null}
      <QueryView query={query}>
        {({ nationalCalendar }) => (
          <>
            <dl className="calendar-facts">
              <dt>{t.currentVersion}</dt>
              <dd>
                <code translate="no" data-field="version">
                  {nationalCalendar.version}
                </code>
              </dd>
            </dl>
            <h2>{t.yearsHeading}</h2>
            <YearsTable years={nationalCalendar.years} />
            <h2>{t.historyHeading}</h2>
            <p className="muted">{t.historyHint}</p>
            <HistoryTable publications={nationalCalendar.publications} />
            <h2>{t.publishHeading}</h2>
            <PublishCalendarForm
              years={nationalCalendar.years}
              onAttempt={() => setPublished(null)}
              onPublished={(result) => {
                setPublished(result);
                reload();
              }}
            />
          </>
        )}
      </QueryView>
    </Page>
  );
}

function YearsTable({ years }: { years: readonly CalendarYear[] }) {
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

function HistoryTable({ publications }: { publications: readonly CalendarYear[] }) {
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
