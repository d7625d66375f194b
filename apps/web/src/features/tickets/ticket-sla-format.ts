import { DEFAULT_TIME_ZONE, formatDateTime, formatDuration, formatPercent } from '../../i18n/local-format';
import { format, type Locale } from '../../i18n/messages';
import { ticketSlaMessages } from './ticket-sla-messages';

/** The API's SLA explanation: a code and its parameters as name/value strings (docs/api/tickets.md). */
export type SlaExplanationData = { code: string; params: { name: string; value: string }[] };
/** What of a target's result the cells show. */
export type SlaFigures = {
  status: string;
  elapsedMinutes: number;
  targetMinutes: number;
  breachMinutes: number;
  percentUsed: string;
};

const text = (locale: Locale, key: string): string | undefined =>
  (ticketSlaMessages[locale] as Readonly<Record<string, string>>)[key];

/** The explanation in the reader's language, times in the contract's zone, minutes as 天/小时/分钟. */
export function slaExplanationText(
  e: SlaExplanationData,
  locale: Locale,
  timeZone: string = DEFAULT_TIME_ZONE,
): string {
  const t = ticketSlaMessages[locale];
  const template = text(locale, e.code);
  if (template === undefined) return t['sla.unknown'];
  const p = Object.fromEntries(e.params.map((x) => [x.name, x.value]));
  const minutes = (name: string): string => formatDuration(Number(p[name] ?? 0), locale);
  const budgetKey = `budget.${p.budget ?? 'minutes'}`;
  const budget = format(text(locale, budgetKey) ?? t['budget.minutes'], {
    duration: minutes('targetMinutes'),
    days: p.workingDays ?? '',
  });
  const paused = Number(p.pausedMinutes ?? 0) > 0 ? format(t.paused, { paused: minutes('pausedMinutes') }) : '';
  return format(template, {
    clock: text(locale, `clock.${p.clock}`) ?? p.clock ?? '',
    stopEvent: text(locale, `stop.${p.stopEvent}`) ?? p.stopEvent ?? '',
    // A clock from the fault report says so (domain.md rule 13); receipt is the default and goes unsaid.
    start:
      p.startsAt === 'reported'
        ? format(t.startReported, { start: formatDateTime(p.start, timeZone) })
        : formatDateTime(p.start, timeZone),
    until: formatDateTime(p.until, timeZone),
    deadline: formatDateTime(p.deadline, timeZone),
    elapsed: minutes('elapsedMinutes'),
    over: minutes('overMinutes'),
    remaining: minutes('remainingMinutes'),
    budget,
    paused,
  });
}

/** The deadline cell: "2027-01-06 10:00（暂定）" when it was computed on a provisional calendar year (domain rule 18). */
export function slaDeadlineText(
  x: { deadline: string; provisional?: boolean },
  locale: Locale,
  timeZone: string = DEFAULT_TIME_ZONE,
): string {
  const deadline = formatDateTime(x.deadline, timeZone);
  return x.provisional ? format(ticketSlaMessages[locale].deadlineProvisional, { deadline }) : deadline;
}

/** The "used" cell: "62.50 %", "> 999 %（超时 18 天 1 小时）" beside the capped percentage, or 未记录. */
export function slaUsedText(x: SlaFigures, locale: Locale): string {
  const t = ticketSlaMessages[locale];
  if (x.status === 'not_recorded') return t.notRecorded;
  const percent = formatPercent(x.percentUsed);
  return x.breachMinutes > 0
    ? `${percent}（${format(t.overBy, { duration: formatDuration(x.breachMinutes, locale) })}）`
    : percent;
}

/** The "elapsed / target" cell as durations: "18 天 2 小时 / 1 小时"; a target not recorded: the time to the ticket's end. */
export function slaElapsedText(x: SlaFigures, locale: Locale): string {
  const t = ticketSlaMessages[locale];
  const elapsed = formatDuration(x.elapsedMinutes, locale);
  return format(t.usedOfTarget, {
    elapsed: x.status === 'not_recorded' ? format(t.toEnd, { elapsed }) : elapsed,
    target: formatDuration(x.targetMinutes, locale),
  });
}
