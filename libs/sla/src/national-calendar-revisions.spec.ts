import { CN_NATIONAL_CALENDAR } from './national-calendar';
import {
  changedYears,
  composeNationalCalendar,
  resolveNationalVersion,
  seededRecords,
  yearStateIn,
  type CalendarYearRecord,
} from './national-calendar-revisions';
import { DEFAULT_NATIONAL_CALENDAR } from './provisional-calendar';
import { buildCalendar } from './work-calendar';

const shipped = seededRecords(CN_NATIONAL_CALENDAR);
const { source: _source, ...shippedDefault } = DEFAULT_NATIONAL_CALENDAR;
const notice = {
  title: '国务院办公厅关于2027年部分节假日安排的通知',
  number: '国办发明电〔2026〕9号',
  date: '2026-11-20',
};
const y2027: CalendarYearRecord = {
  seq: 20,
  year: 2027,
  holidays: [
    { date: '2027-01-01', name: '元旦' },
    { date: '2027-01-04', name: '元旦' },
  ],
  makeUpWorkdays: [{ date: '2027-01-09', name: '元旦' }],
  source: 'admin',
  release: null,
  notice,
  correction: null,
};

describe('national calendar revisions', () => {
  it('a database seeded from the shipped file composes exactly the shipped default (same version, same days)', () => {
    const c = composeNationalCalendar(shipped);
    expect(c.version).toBe(DEFAULT_NATIONAL_CALENDAR.version);
    expect(c).toEqual(shippedDefault);
  });

  it('a published 2027 replaces the provisional one; provisional years move on to 2028–2031', () => {
    const c = composeNationalCalendar([...shipped, y2027]);
    expect(c.version).toBe(`${CN_NATIONAL_CALENDAR.version}+rev-20+provisional-2028..2031`);
    expect(c.years.find((y) => y.year === 2027)?.status).toBe('published');
    const cal = buildCalendar({}, c);
    expect(cal.describeDay('2027-01-04').kind).toBe('holiday');
    expect(cal.describeDay('2027-01-09').kind).toBe('make-up-workday');
    expect(cal.isProvisionalDate('2027-06-01')).toBe(false);
    expect(cal.isProvisionalDate('2028-06-01')).toBe(true);
  });

  it('an old version is rebuilt from the records (reproducible), and a foreign one is unknown', () => {
    const records = [...shipped, y2027];
    expect(composeNationalCalendar(records, 11)).toEqual(shippedDefault);
    expect(resolveNationalVersion(records, `${DEFAULT_NATIONAL_CALENDAR.version}+cfg-1a2b3c4d`)).toEqual({
      seq: 7,
      provisional: [2027, 2030],
    });
    expect(resolveNationalVersion(records, 'cn-national@2019.1+provisional-2020..2023')).toBeUndefined();
    expect(resolveNationalVersion(records, `${CN_NATIONAL_CALENDAR.version}+rev-99`)).toBeUndefined();
  });

  it('changed years: 2027 went from provisional to published; 2026 and 2028 did not change', () => {
    const records = [...shipped, y2027];
    const before = DEFAULT_NATIONAL_CALENDAR.version;
    const after = composeNationalCalendar(records).version;
    expect(yearStateIn(records, before, 2027)).toEqual({ kind: 'provisional' });
    expect(yearStateIn(records, after, 2027)).toEqual({ kind: 'record', seq: 20 });
    expect(changedYears(records, before, after, [2025, 2026, 2027, 2028])).toEqual([2027]);
    expect(changedYears(records, 'someone-else@1', after, [2026])).toEqual([2026]);
    const corrected = [...records, { ...y2027, seq: 21, correction: '通知更正' }];
    expect(changedYears(corrected, after, composeNationalCalendar(corrected).version, [2026, 2027])).toEqual([2027]);
  });
});
