import { useState } from 'react';
import { useGraphqlQuery } from '../../api/use-graphql';
import { Page } from '../../components/page';
import { QueryView } from '../../components/query-state';
import { format, useMessages } from '../../i18n/i18n';
import { nationalCalendarMessages } from './national-calendar-messages';
import { NATIONAL_CALENDAR, type PublicationResult } from './national-calendar-queries';
import { PublishCalendarForm } from './publish-calendar-form';
import { HistoryTable, YearsTable } from './national-calendar-tables';
import './calendar-pages.css';

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
