import type { GqlProblem } from '../../api/graphql-client';
import { formatDate } from '../../i18n/local-format';
import type { Locale } from '../../i18n/messages';

/*
 * The national calendar page's pure parts (no React, so the unit tests import them): a day as people read it, and
 * where each problem of a refused publication is shown.
 */

export const FILE_FORMATS = ['holiday-cn', 'chinese-days'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];
export type PublishMode = 'days' | 'file';
export type DayList = 'holidays' | 'makeUpWorkdays';

const WEEKDAYS: Record<Locale, readonly string[]> = {
  'zh-CN': ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'],
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
};

/** A calendar date with its weekday: 2027年1月1日 星期五, 2027-01-01 Fri; what is not a date is shown as sent. */
export function formatCalendarDay(date: string, locale: Locale): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  // A plain date has no zone: its weekday is the same everywhere, so it is computed in UTC.
  const at = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (Number.isNaN(at.getTime()) || at.getUTCDate() !== Number(m[3])) return date;
  return `${formatDate(date, locale)} ${WEEKDAYS[locale][at.getUTCDay()]}`;
}

/** Form fields a publication's problems may point at (the path without `input.`). */
const FORM_FIELDS = new Set(['year', 'format', 'notice', 'notice.title', 'notice.number', 'notice.date', 'reason']);
const ROW = /^(holidays|makeUpWorkdays)(?:\[(\d+)\](?:\.(date|name))?)?$/;

export type PlacedProblems = {
  /** By field key: `year`, `notice.title`, `reason`, `content`, `holidays` (the list), `holidays[2].date`, `makeUpWorkdays[0]` (a row). */
  fields: ReadonlyMap<string, readonly GqlProblem[]>;
  /** Problems inside an uploaded file, with their location in it (`days[4].date`; empty for the whole file). */
  file: readonly { location: string; problem: GqlProblem }[];
  /** Whatever has no place on the form (listed under it, by text only). */
  other: readonly GqlProblem[];
};

/**
 * Sorts the problems of a refused publication to the places the form shows them: the entered rows in `days` mode,
 * the file's own locations in `file` mode (`input.content.…`). A chinese-days file takes its year from the form, so
 * a problem of the year it names (`input.content.year`) is the year field's.
 */
export function placeProblems(problems: readonly GqlProblem[], mode: PublishMode, format: FileFormat): PlacedProblems {
  const fields = new Map<string, GqlProblem[]>();
  const file: { location: string; problem: GqlProblem }[] = [];
  const other: GqlProblem[] = [];
  const put = (key: string, p: GqlProblem) => fields.set(key, [...(fields.get(key) ?? []), p]);
  for (const p of problems) {
    const path = p.path.replace(/^input\./, '');
    if (FORM_FIELDS.has(path)) put(path === 'notice' ? 'notice.title' : path, p);
    else if (mode === 'file' && path === 'content') put('content', p);
    else if (mode === 'file' && path.startsWith('content.')) {
      const location = path === 'content.(root)' ? '' : path.slice('content.'.length);
      if (format === 'chinese-days' && location === 'year') put('year', p);
      else file.push({ location, problem: p });
    } else if (mode === 'days' && ROW.test(path)) put(path, p);
    else other.push(p);
  }
  return { fields, file, other };
}

/** The row an entered day's path names (`holidays[2].date`, with or without `input.`): its list and 1-based number. */
export function rowOf(path: string): { list: DayList; n: number } | undefined {
  const m = ROW.exec(path.replace(/^input\./, ''));
  return m && m[2] !== undefined
    ? { list: m[1] === 'holidays' ? 'holidays' : 'makeUpWorkdays', n: Number(m[2]) + 1 }
    : undefined;
}

/** A problem whose `other` parameter names an entered row (a duplicate date) with that row as the reader sees it. */
export function withRowReference(p: GqlProblem, rowLabel: (row: { list: DayList; n: number }) => string): GqlProblem {
  const other = p.params?.other;
  const row = other === undefined ? undefined : rowOf(other);
  return row ? { ...p, params: { ...p.params, other: rowLabel(row) } } : p;
}
