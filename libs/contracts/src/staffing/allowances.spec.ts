import fc from 'fast-check';
import { dec, toFixed2 } from '@ledger/kernel';
import { parseContractConfig } from '../config/validate-contract-config';
import { renderExplanation } from '../explain/explanation-texts';
import { getPreset } from '../presets';
import { allowanceUsage, allowanceWorkProblems, type AllowanceWork } from './allowances';

const huaian = parseContractConfig(getPreset('huaian-2025-2026').config);
const xuzhou = parseContractConfig(getPreset('xuzhou-2026').config);
const qinghai = parseContractConfig(getPreset('qinghai-hospital-3y').config);

const log = (
  id: string,
  amount: string,
  workedOn = '2026-03-10',
  extra: Partial<AllowanceWork> = {},
): AllowanceWork => ({
  id,
  allowanceId: 'personalised-interfacing',
  workedOn,
  amount,
  ...extra,
});

describe('free-work allowances (domain rule 15, example J: Huai’an 5 person-months over the term)', () => {
  it('logged 3.5 + 1.0 → 4.5 used (90 %, warning)', () => {
    const [u] = allowanceUsage(huaian, [log('w1', '3.5'), log('w2', '1.0')]);
    expect(u).toMatchObject({
      allowanceId: 'personalised-interfacing',
      scope: 'term',
      amount: '5.00',
      used: '4.50',
      remaining: '0.50',
      percent: '90.00',
      level: 'warning',
      beyond: '0.00',
      beyondEntries: [],
      reached: [80],
    });
    expect(renderExplanation(u.explained)).toBe(
      '运维范围内的个性化需求（跨部门接口对接、数据共享、外部接口监控），累计工作量5人月内免费对接：已用 4.50 / 5.00 人月（90.00%），剩余 0.50；已用 80% 以上，请注意',
    );
  });

  it('a further 1.0 → 5.5: 0.5 person-months beyond the allowance, flagged, the entry that crossed named', () => {
    const [u] = allowanceUsage(huaian, [log('w1', '3.5'), log('w2', '1.0'), log('w3', '1.0')]);
    expect(u).toMatchObject({
      used: '5.50',
      remaining: '0.00',
      percent: '110.00',
      level: 'beyond',
      beyond: '0.50',
      beyondEntries: [{ id: 'w3', amount: '0.50' }],
      reached: [80, 100],
    });
    expect(renderExplanation(u.explained)).toContain(
      '已用 5.50 / 5.00 人月（110.00%），超出额度 0.50 人月，需另行协商；已超出额度',
    );
    expect(renderExplanation(u.explained, 'en')).toContain('0.50 person-months beyond the allowance, to be negotiated');
  });

  it('exactly the allowance is used up (100 %), not beyond; under 80 % is ok', () => {
    expect(allowanceUsage(huaian, [log('a', '5')])[0]).toMatchObject({ level: 'exhausted', reached: [80, 100] });
    expect(allowanceUsage(huaian, [log('a', '3.99')])[0]).toMatchObject({ level: 'ok', reached: [], percent: '79.80' });
    expect(allowanceUsage(huaian, [log('a', '4')])[0]).toMatchObject({ level: 'warning', reached: [80] });
  });

  it('Xuzhou: 9 person-months a year, counted per year of the term; Qinghai: 10 working days per request', () => {
    const x = allowanceUsage(xuzhou, [{ id: 'a', allowanceId: 'local-dev', workedOn: '2026-05-06', amount: '9.25' }]);
    expect(x).toHaveLength(1);
    expect(x[0]).toMatchObject({
      scope: '2026',
      from: '2026-01-01',
      to: '2026-12-31',
      beyond: '0.25',
      level: 'beyond',
    });
    const q = allowanceUsage(qinghai, [
      { id: 'a', allowanceId: 'extra-work', workedOn: '2026-05-06', amount: '6', ticketId: 't1', ticketNumber: 'QH-7' },
      { id: 'b', allowanceId: 'extra-work', workedOn: '2026-05-20', amount: '5', ticketId: 't1', ticketNumber: 'QH-7' },
      { id: 'c', allowanceId: 'extra-work', workedOn: '2026-06-02', amount: '8', ticketId: 't2', ticketNumber: 'QH-9' },
    ]);
    expect(q.map((u) => [u.scope, u.used, u.level, u.beyond])).toEqual([
      ['request-QH-7', '11.00', 'beyond', '1.00'],
      ['request-QH-9', '8.00', 'warning', '0.00'],
    ]);
    expect(renderExplanation(q[0].explained)).toContain('（QH-7）：已用 11.00 / 10.00 个工作日');
  });

  it('the work beyond is exactly used − allowance, whatever the entries (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 400 }), { maxLength: 12 }), (hundredths) => {
        const work = hundredths.map((h, i) => log(`w${i}`, toFixed2(dec(h).div(100))));
        const [u] = allowanceUsage(huaian, work);
        const used = dec(u.used);
        expect(dec(u.beyond).eq(used.gt(5) ? used.sub(5) : 0)).toBe(true);
        const listed = u.beyondEntries.reduce((s, e) => s.add(dec(e.amount)), dec(0));
        expect(listed.eq(dec(u.beyond))).toBe(true);
        expect(
          dec(u.remaining)
            .add(used.gt(5) ? 5 : used)
            .eq(5),
        ).toBe(true);
      }),
    );
  });
});

describe('logging work: every problem with its path', () => {
  it('negative or zero amounts, too many decimals, a day outside the term or in a confirmed period, an unknown allowance', () => {
    const closed = [{ period: '2026-H1', start: '2026-01-01', end: '2026-06-30' }];
    const bad = allowanceWorkProblems(
      huaian,
      { allowanceId: 'personalised-interfacing', workedOn: '2026-03-10', amount: '-1' },
      closed,
    );
    expect(bad.map((p) => [p.path, p.code])).toEqual([
      ['input.amount', 'number.positive'],
      ['input.workedOn', 'allowance.periodClosed'],
    ]);
    expect(
      allowanceWorkProblems(huaian, { allowanceId: 'x', workedOn: '2027-03-10', amount: '0.125' }, []).map((p) => [
        p.path,
        p.code,
      ]),
    ).toEqual([
      ['input.allowanceId', 'unknown.allowance'],
      ['input.amount', 'number.maxDecimals'],
      ['input.workedOn', 'date.outsideTerm'],
    ]);
    expect(
      allowanceWorkProblems(qinghai, { allowanceId: 'extra-work', workedOn: '2026-03-10', amount: '2' }, [])[0],
    ).toMatchObject({ path: 'input.ticketId', code: 'allowance.requestRequired' });
    expect(
      allowanceWorkProblems(
        huaian,
        { allowanceId: 'personalised-interfacing', workedOn: '2026-07-01', amount: '1.5' },
        closed,
      ),
    ).toEqual([]);
  });
});
