import {
  buildCalendar,
  CN_NATIONAL_CALENDAR,
  composeNationalCalendar,
  seededRecords,
  type CalendarYearRecord,
} from '@ledger/sla';
import { changedInputs } from './close-inputs.digest';

const shipped = seededRecords(CN_NATIONAL_CALENDAR);
const y2027: CalendarYearRecord = {
  seq: 8,
  year: 2027,
  holidays: [{ date: '2027-01-01', name: '元旦' }],
  makeUpWorkdays: [],
  source: 'admin',
  release: null,
  notice: { title: '通知', number: '国办发明电〔2026〕1号', date: '2026-11-20' },
  correction: null,
};
const digest = { periodInputs: 'a', tickets: 'b', reports: 'c' };
const before = buildCalendar({}, composeNationalCalendar(shipped)); // 2027 provisional
const records = [...shipped, y2027];
const after = buildCalendar({}, composeNationalCalendar(records)); // 2027 published
const close = (period: string, calendarVersion: string) => ({
  period,
  inputsDigest: digest,
  configVersion: 1,
  calendarVersion,
});

describe('changedInputs: a draft close goes stale when the national calendar changes on a year it read', () => {
  it('a December 2026 close read into the provisional 2027 (deadlines run into January): stale once 2027 is published', () => {
    expect(
      changedInputs(close('2026-12', before.version), {
        digest,
        configVersion: 1,
        calendar: after,
        calendarRecords: records,
      }),
    ).toEqual(['calendar']);
    expect(
      changedInputs(close('2026-Q4', before.version), {
        digest,
        configVersion: 1,
        calendar: after,
        calendarRecords: records,
      }),
    ).toEqual(['calendar']);
    expect(
      changedInputs(close('2026', before.version), {
        digest,
        configVersion: 1,
        calendar: after,
        calendarRecords: records,
      }),
    ).toEqual(['calendar']);
  });

  it('a close of a period whose years did not change stays valid, though the version string moved on', () => {
    expect(before.version).not.toBe(after.version);
    expect(
      changedInputs(close('2026-06', before.version), {
        digest,
        configVersion: 1,
        calendar: after,
        calendarRecords: records,
      }),
    ).toEqual([]);
    expect(
      changedInputs(close('2025', before.version), {
        digest,
        configVersion: 1,
        calendar: after,
        calendarRecords: records,
      }),
    ).toEqual([]);
  });

  it("the contract's own calendar settings changed: stale whatever the years", () => {
    const own = buildCalendar(
      { overrides: { closures: [{ date: '2026-06-15', reason: '停电' }], extraWorkdays: [] } },
      composeNationalCalendar(records),
    );
    expect(
      changedInputs(close('2026-06', before.version), {
        digest,
        configVersion: 1,
        calendar: own,
        calendarRecords: records,
      }),
    ).toEqual(['calendar']);
  });
});
