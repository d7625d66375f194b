import { Link } from 'react-router';
import { format, useLocale, useMessages } from '../../i18n/i18n';
import { formatPeriod } from '../../i18n/local-format';
import { closeMessages, closeStatusKey } from './close-messages';
import { type Missing } from './close-queries';

/** Today in Asia/Shanghai (the ledger's day), YYYY-MM-DD. */
export function shanghaiToday(): string {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

export function StatusText({ status }: { status: string }) {
  const t = useMessages(closeMessages);
  const key = closeStatusKey(status);
  return <span className={`close-status close-status-${status}`}>{key ? t[key] : status}</span>;
}

export function MissingList({ missing, inputsHref }: { missing: readonly Missing[]; inputsHref?: string }) {
  const t = useMessages(closeMessages);
  const { locale } = useLocale();
  return (
    <section aria-labelledby="missing-inputs" data-testid="missing">
      <h3 id="missing-inputs">{t.missingTitle}</h3>
      {missing.length ? (
        <ul>
          {missing.map((m, i) => (
            <li key={i} data-input={`${m.period}/${m.input}`}>
              <strong>{formatPeriod(m.period, locale)}</strong>
              {locale === 'zh-CN' ? '：' : ': '}
              {m.message}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t.missingNone}</p>
      )}
      {missing.length && inputsHref ? <Link to={inputsHref}>{t.enterInputs}</Link> : null}
    </section>
  );
}

/** 暂定: the period lies in a year whose national calendar is provisional (rule 18). */
export function ProvisionalNote({ years }: { years: readonly number[] | undefined }) {
  const t = useMessages(closeMessages);
  if (!years?.length) return null;
  return (
    <p role="note" className="provisional" data-testid="provisional">
      {format(t.provisional, { years: years.join('、') })}
    </p>
  );
}
