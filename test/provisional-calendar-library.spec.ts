import { execFileSync, spawnSync } from 'child_process';
import { resolve } from 'path';
import { provisionalYear } from '@ledger/sla';

// The provisional calendar checked against chinese-days itself (the domain libs may not load it, so this
// lives here). The package is run in a child process pinned to Asia/Shanghai: west of UTC it is a day off.
const root = resolve(__dirname, '..');

type LunarInfo = { lunarYear: number; lunarMon: number; lunarDay: number; isLeap: boolean };
type Facts = Record<string, { lunar: LunarInfo; next: LunarInfo; terms: string[] }>;

/** Lunar date, the next day's lunar date and the solar terms of each date, from the package. */
function libraryFacts(dates: string[]): Facts {
  const script = `
    const cd = require('chinese-days');
    const next = (d) => new Date(Date.parse(d + 'T00:00:00Z') + 864e5).toISOString().slice(0, 10);
    const out = {};
    for (const d of process.argv.slice(1)) out[d] = { lunar: cd.getLunarDate(d), next: cd.getLunarDate(next(d)), terms: cd.getSolarTerms(d).map((t) => t.term) };
    process.stdout.write(JSON.stringify(out));`;
  const stdout = execFileSync(process.execPath, ['-e', script, ...dates], {
    cwd: root,
    env: { ...process.env, TZ: 'Asia/Shanghai' },
    encoding: 'utf8',
  });
  return JSON.parse(stdout) as Facts;
}

const lunarDay = (l: LunarInfo): string => `${l.lunarYear}-${l.lunarMon}-${l.lunarDay}${l.isLeap ? ' leap' : ''}`;

describe('provisional calendar against chinese-days', () => {
  it('the generated festival data equals what the installed package gives (run from a zone west of UTC)', () => {
    const run = spawnSync(resolve(root, 'node_modules/.bin/tsx'), ['scripts/generate-festival-dates.ts', '--check'], {
      cwd: root,
      env: { ...process.env, TZ: 'America/Los_Angeles' },
      encoding: 'utf8',
    });
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
  }, 60_000);

  it.each([2027, 2028, 2029, 2030])('%i: every statutory holiday is on its legal lunar or solar-term date', (year) => {
    const holidays = provisionalYear(year).holidays;
    const facts = libraryFacts(holidays.map((h) => h.date));
    const spring = holidays.filter((h) => h.name === '春节').map((h) => facts[h.date]);
    // 除夕 is the last day of 腊月 (the next day is 正月初一), then 初一–初三.
    expect(spring.map((f) => lunarDay(f.next))).toEqual([`${year}-1-1`, `${year}-1-2`, `${year}-1-3`, `${year}-1-4`]);
    expect(spring.slice(1).map((f) => lunarDay(f.lunar))).toEqual([`${year}-1-1`, `${year}-1-2`, `${year}-1-3`]);
    const one = (name: string): string[] =>
      holidays.filter((h) => h.name.split('、').includes(name)).map((h) => h.date);
    expect(one('清明').map((d) => facts[d].terms)).toEqual([['pure_brightness']]);
    expect(one('端午').map((d) => lunarDay(facts[d].lunar))).toEqual([`${year}-5-5`]);
    expect(one('中秋').map((d) => lunarDay(facts[d].lunar))).toEqual([`${year}-8-15`]);
    expect(one('元旦')).toEqual([`${year}-01-01`]);
    expect(one('劳动节')).toEqual([`${year}-05-01`, `${year}-05-02`]);
    expect(one('国庆节')).toEqual([`${year}-10-01`, `${year}-10-02`, `${year}-10-03`]);
    // …and no other day.
    const checked = new Set(['春节', '清明', '端午', '中秋', '元旦', '劳动节', '国庆节'].flatMap(one));
    expect(holidays.map((h) => h.date)).toEqual([...checked].sort());
  });
});
