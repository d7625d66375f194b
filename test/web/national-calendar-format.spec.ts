import { renderProblem } from '@ledger/kernel/problem-messages';
import { validateCalendarPublication } from '@ledger/sla';
import { LOCALES } from '../../apps/web/src/i18n/messages';
import {
  formatCalendarDay,
  placeProblems,
  rowOf,
  withRowReference,
} from '../../apps/web/src/features/calendar/national-calendar-format';
import { nationalCalendarMessages } from '../../apps/web/src/features/calendar/national-calendar-messages';

const p = (path: string, code = 'value.invalid', params: Record<string, string> = {}) => ({
  path,
  code,
  params,
  message: 'English the console never shows',
});

describe('national calendar page: days and problem placement', () => {
  it('shows a date with its weekday, the Chinese way or the short English way', () => {
    expect(formatCalendarDay('2027-01-01', 'zh-CN')).toBe('2027年1月1日 星期五');
    expect(formatCalendarDay('2027-01-06', 'zh-CN')).toBe('2027年1月6日 星期三');
    expect(formatCalendarDay('2027-01-03', 'en')).toBe('2027-01-03 Sun');
    expect(formatCalendarDay('2028-02-29', 'en')).toBe('2028-02-29 Tue');
    // Not a date: shown as sent, never a made-up weekday.
    expect(formatCalendarDay('2027-02-30', 'zh-CN')).toBe('2027-02-30');
    expect(formatCalendarDay('元旦', 'zh-CN')).toBe('元旦');
  });

  it('puts each problem of an entered publication at its field or row; anything unknown is listed apart', () => {
    const placed = placeProblems(
      [
        p('input.year'),
        p('input.notice.title'),
        p('input.reason'),
        p('input.holidays'),
        p('input.holidays[2].date'),
        p('input.makeUpWorkdays[0].name'),
        p('input.somethingNew'),
        p('input.content.days[1].date'),
      ],
      'days',
      'holiday-cn',
    );
    expect([...placed.fields.keys()]).toEqual([
      'year',
      'notice.title',
      'reason',
      'holidays',
      'holidays[2].date',
      'makeUpWorkdays[0].name',
    ]);
    expect(placed.file).toEqual([]);
    expect(placed.other.map((x) => x.path)).toEqual(['input.somethingNew', 'input.content.days[1].date']);
  });

  it('lists a file’s problems with their location in the file; a chinese-days year problem is the year field’s', () => {
    const problems = [
      p('input.content.(root)', 'text.json'),
      p('input.content.days[4].date'),
      p('input.content.year'),
      p('input.notice.date'),
      p('input.holidays[0].date'),
    ];
    const holidayCn = placeProblems(problems, 'file', 'holiday-cn');
    expect(holidayCn.file.map((f) => f.location)).toEqual(['', 'days[4].date', 'year']);
    expect([...holidayCn.fields.keys()]).toEqual(['notice.date']);
    expect(holidayCn.other.map((x) => x.path)).toEqual(['input.holidays[0].date']);
    const chineseDays = placeProblems(problems, 'file', 'chinese-days');
    expect(chineseDays.file.map((f) => f.location)).toEqual(['', 'days[4].date']);
    expect([...chineseDays.fields.keys()]).toEqual(['year', 'notice.date']);
  });

  it('names the other row of a duplicate date as the reader sees it, not as a path', () => {
    expect(rowOf('holidays[0].date')).toEqual({ list: 'holidays', n: 1 });
    expect(rowOf('input.makeUpWorkdays[3].name')).toEqual({ list: 'makeUpWorkdays', n: 4 });
    expect(rowOf('days[3].date')).toBeUndefined();
    const label = (r: { list: string; n: number }) => `${r.list === 'holidays' ? '放假日' : '调休上班日'}第 ${r.n} 行`;
    // The engine's own duplicate problem, as the API sends it for entered rows.
    const [dup] = validateCalendarPublication(
      {
        year: 2027,
        notice: { title: '通知', number: '国办发明电〔2026〕9号', date: '2026-11-01' },
        holidays: [
          { date: '2027-01-01', name: '元旦' },
          { date: '2027-01-01', name: '元旦' },
        ],
        makeUpWorkdays: [],
      },
      { version: 'test', years: [] },
    ).filter((x) => x.code === 'list.duplicate');
    const shown = withRowReference({ ...dup, path: `input.${dup.path}` }, label);
    expect(renderProblem('zh-CN', shown.code ?? '', shown.params ?? {})).toBe(
      '“2027-01-01”重复填写（另见 放假日第 1 行）',
    );
    // A file's location stays as it is.
    expect(
      withRowReference(
        p('input.content.days[2].date', 'list.duplicate', { value: '2027-01-01', other: 'days[0].date' }),
        label,
      ).params,
    ).toEqual({ value: '2027-01-01', other: 'days[0].date' });
  });

  it.each(LOCALES)('%s: every placeholder of the page’s texts is one the page fills', (locale) => {
    const filled: Record<string, readonly string[]> = {
      revision: ['n'],
      yearLabel: ['year'],
      noticeText: ['title', 'number', 'date'],
      daysSummary: ['holidays', 'workdays'],
      correctionNote: ['year'],
      removeRow: ['list', 'n'],
      rowRef: ['list', 'n'],
      fileRead: ['name', 'size'],
      fileProblems: ['n'],
      published: ['year', 'n'],
    };
    for (const [key, text] of Object.entries(nationalCalendarMessages[locale])) {
      expect([key, [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()]).toEqual([
        key,
        [...(filled[key] ?? [])].sort(),
      ]);
    }
    expect(nationalCalendarMessages[locale].published).toBe(
      locale === 'zh-CN'
        ? '已发布 {year} 年，已通知 {n} 个单位重算受影响的结果'
        : nationalCalendarMessages.en.published,
    );
  });
});
