import { buildCalendar } from '@ledger/sla';
import { renderExplanation } from '../explain/explanation-texts';
import { parseContractConfig, validateContractConfig } from '../config/validate-contract-config';
import { getPreset } from '../presets';
import { obligationChecklist } from './obligations';
import {
  onDemandCallProblems,
  onDemandCallStatus,
  onDemandDueOn,
  onDemandFlags,
  onDemandWindow,
  onDemandServiceProblems,
  type OnDemandCall,
} from './on-demand';

const p1 = parseContractConfig(getPreset('tianjin-2026-p1').config);
const calendar = buildCalendar({});
const YEAR = { from: '2026-01-01', to: '2026-12-31' };

/** Five 重保 the buyer called in 2026 (National Day, the two sessions, …), each due on its event's day. */
const fiveCalls = (served: readonly (string | null)[]): OnDemandCall[] =>
  ['2026-03-04', '2026-05-01', '2026-07-01', '2026-09-30', '2026-10-01'].map((dueOn, i) => ({
    id: `c${i + 1}`,
    obligationId: 'major-event-protection',
    calledOn: dueOn.slice(0, 8) + '01',
    dueOn,
    subject: `重保 ${i + 1}`,
    servedOn: served[i] ?? null,
  }));

const checkOf = (calls: OnDemandCall[], asOf = '2026-12-31') => {
  const r = obligationChecklist({ config: p1, period: YEAR, asOf, deliveries: [], calls, calendar });
  const row = r.items.find((i) => i.obligationId === 'major-event-protection' && i.occurrence === '2026');
  if (!row) throw new Error('no 重保 row');
  return row;
};

describe('on-demand obligations (domain rule 14, example I: Tianjin P1, 重保 ≥ 7 a year)', () => {
  it('the preset commits the 重保 and the emergency responses as capacity, with their sources', () => {
    const od = p1.obligations.filter((o) => o.basis === 'on-demand').map((o) => [o.id, o.everyRequest ? 0 : o.count]);
    expect(od).toEqual([
      ['emergency-response', 4],
      ['major-event-protection', 7],
      // After the term (004:136, 004:138): every request, without a number.
      ['source-code', 0],
      ['migration-help', 0],
    ]);
    for (const i of [0, 1]) expect(p1.sources.some((s) => s.path === `obligations[${i}].basis`)).toBe(true);
  });

  it('called 5, served 5 → met (5 of 5; capacity 7): fewer calls than the commitment is no failure', () => {
    const row = checkOf(fiveCalls(['2026-03-04', '2026-05-01', '2026-07-01', '2026-09-30', '2026-10-01']));
    expect(row).toMatchObject({ status: 'met', required: 5, onTime: 5, late: 0 });
    expect(row.onDemand?.tally).toEqual({
      capacity: 7,
      calls: 5,
      served: 5,
      late: 0,
      missed: 0,
      pending: 0,
      beyondCapacity: 0,
    });
    expect(renderExplanation(row.explained)).toBe(
      '每年不少于7次重大活动期间安全保障服务（7*24小时现场技术支持） — 2026：甲方调用 5 次，按时完成 5 次；承诺 7 次；已完成',
    );
    expect(renderExplanation(row.explained, 'en')).toContain('5 call(s), 5 served in time; capacity 7; met');
  });

  it('served 4 of 5 → 1 missed, flagged in the checklist and in the close of its month', () => {
    const calls = fiveCalls(['2026-03-04', '2026-05-01', '2026-07-01', null, '2026-10-01']);
    const row = checkOf(calls);
    expect(row.status).toBe('missing');
    expect(row.onDemand?.tally).toMatchObject({ calls: 5, served: 4, missed: 1 });
    expect(row.onDemand?.calls.map((c) => c.status)).toEqual(['served', 'served', 'served', 'missed', 'served']);
    expect(renderExplanation(row.explained)).toContain('甲方调用 5 次，按时完成 4 次，未完成 1 次；承诺 7 次；缺失');

    const september = onDemandFlags(p1, calls, { start: '2026-09-01', end: '2026-09-30' }, '2026-10-05');
    expect(september.map((f) => [f.code, f.subject])).toEqual([['ON_DEMAND_CALL_MISSED', '2026-09-30']]);
    expect(renderExplanation(september[0].explained)).toBe(
      '每年不少于7次重大活动期间安全保障服务（7*24小时现场技术支持）：甲方 2026-09-01 调用（重保 4），要求 2026-09-30 前完成，未完成',
    );
    // Another month's close does not carry it.
    expect(onDemandFlags(p1, calls, { start: '2026-10-01', end: '2026-10-31' }, '2026-11-05')).toEqual([]);
  });

  it('a call served after its due day is late (a breach); one not yet due is pending, not missed', () => {
    expect(onDemandCallStatus({ dueOn: '2026-09-30', servedOn: '2026-10-02' }, '2026-10-05')).toBe('late');
    expect(onDemandCallStatus({ dueOn: '2026-09-30', servedOn: null }, '2026-09-30')).toBe('pending');
    expect(onDemandCallStatus({ dueOn: '2026-09-30', servedOn: null }, '2026-10-01')).toBe('missed');
    const late = checkOf(fiveCalls(['2026-03-04', '2026-05-01', '2026-07-02', '2026-09-30', '2026-10-01']));
    expect(late).toMatchObject({ status: 'late', onTime: 4, late: 1 });
    const open = checkOf(fiveCalls(['2026-03-04', '2026-05-01', '2026-07-01', '2026-09-30', null]), '2026-09-30');
    expect(open.status).toBe('pending');
  });

  it('a month checklist counts the year’s calls so far; calls beyond the capacity are listed', () => {
    const calls = [...fiveCalls(['2026-03-04', '2026-05-01', '2026-07-01', '2026-09-30', '2026-10-01'])];
    const month = obligationChecklist({
      config: p1,
      period: { from: '2026-07-01', to: '2026-07-31' },
      asOf: '2026-07-31',
      deliveries: [{ obligationId: 'major-event-protection', deliveredOn: '2026-07-01' }],
      calls,
      calendar,
    });
    const row = month.items.find((i) => i.obligationId === 'major-event-protection');
    expect(row?.onDemand?.tally).toMatchObject({ calls: 3, served: 3 });
    // The vendor's own record of a 重保 (a report's service event) is evidence, not an unmatched delivery.
    expect(month.unassigned).toEqual([]);

    const eight = Array.from({ length: 8 }, (_, i) => ({
      id: `x${i}`,
      obligationId: 'major-event-protection',
      calledOn: '2026-11-02',
      dueOn: `2026-11-${String(10 + i)}`,
      servedOn: `2026-11-${String(10 + i)}`,
    }));
    expect(checkOf(eight).onDemand?.tally).toMatchObject({ calls: 8, served: 8, beyondCapacity: 1 });
    expect(renderExplanation(checkOf(eight).explained)).toContain('（超出承诺 1 次）');
  });
});

describe('recording calls and services: every problem with its path', () => {
  const recorded = [
    { id: 'c1', obligationId: 'major-event-protection', calledOn: '2026-09-01', dueOn: '2026-09-30', subject: '国庆' },
  ];

  it('the same call twice, a due day before the call, a day outside the term, an obligation that is not on demand', () => {
    expect(
      onDemandCallProblems(
        p1,
        { obligationId: 'major-event-protection', calledOn: '2026-09-02', dueOn: '2026-09-30', subject: ' 国庆 ' },
        recorded,
      ),
    ).toEqual([
      expect.objectContaining({
        path: 'input.dueOn',
        code: 'onDemand.duplicateCall',
        params: { value: '2026-09-30', calledOn: '2026-09-01' },
      }),
    ]);
    const bad = onDemandCallProblems(
      p1,
      { obligationId: 'inspection', calledOn: '2027-01-05', dueOn: '2026-12-30' },
      recorded,
    );
    expect(bad.map((p) => [p.path, p.code])).toEqual([
      ['input.obligationId', 'onDemand.notOnDemand'],
      ['input.calledOn', 'date.outsideTerm'],
      ['input.dueOn', 'onDemand.dueBeforeCall'],
    ]);
    expect(
      onDemandCallProblems(p1, { obligationId: 'ghost', calledOn: '2026-05-01', dueOn: '2026-05-01' }, [])[0],
    ).toMatchObject({
      code: 'unknown.obligation',
      params: { known: 'emergency-response, major-event-protection, source-code, migration-help' },
    });
    // Another subject on the same day is another call.
    expect(
      onDemandCallProblems(
        p1,
        { obligationId: 'major-event-protection', calledOn: '2026-09-02', dueOn: '2026-09-30', subject: '全运会' },
        recorded,
      ),
    ).toEqual([]);
  });

  it('a service recorded twice, or dated before its call', () => {
    expect(onDemandServiceProblems({ calledOn: '2026-09-01', servedOn: '2026-09-30' }, '2026-10-01')[0]).toMatchObject({
      path: 'input.callId',
      code: 'onDemand.alreadyServed',
    });
    expect(onDemandServiceProblems({ calledOn: '2026-09-01', servedOn: null }, '2026-08-31')[0]).toMatchObject({
      path: 'input.servedOn',
      code: 'onDemand.servedBeforeCall',
    });
  });

  it('an on-demand capacity per event or per day is refused at its path', () => {
    const config = getPreset('tianjin-2026-p1').config;
    const r = validateContractConfig({
      ...config,
      obligations: config.obligations?.map((o) => (o.id === 'emergency-response' ? { ...o, period: 'event' } : o)),
    });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problems.filter((p) => p.code === 'obligation.onDemandPeriod').map((p) => p.path)).toEqual([
        'obligations[0].period',
      ]);
  });
});

describe('obligations after the term (Tianjin 004:136-138, issue 16 point 7)', () => {
  const sourceCall = (calledOn: string, servedOn: string | null): OnDemandCall => ({
    id: `s-${calledOn}`,
    obligationId: 'source-code',
    calledOn,
    dueOn: onDemandDueOn({ respondWithinDays: 3 }, calledOn) ?? '',
    servedOn,
  });

  it('source code: during the term and 5 years after, due 3 days after each request; migration help only in the 3 years after', () => {
    const byId = (id: string) => p1.obligations.find((o) => o.id === id) as (typeof p1.obligations)[number];
    expect(onDemandWindow(byId('source-code'), p1.term)).toEqual({ start: '2026-01-01', end: '2031-12-31' });
    expect(onDemandWindow(byId('migration-help'), p1.term)).toEqual({ start: '2027-01-01', end: '2029-12-31' });
    expect(onDemandDueOn(byId('source-code'), '2029-05-10')).toBe('2029-05-13');
    expect(onDemandDueOn(byId('migration-help'), '2028-03-01')).toBeNull();

    const calls = [sourceCall('2026-06-01', '2026-06-03'), sourceCall('2029-05-10', null)];
    const after = obligationChecklist({
      config: p1,
      period: { from: '2026-01-01', to: '2031-12-31' },
      asOf: '2029-05-20',
      deliveries: [],
      calls,
      calendar,
    });
    const source = after.items.find((i) => i.obligationId === 'source-code');
    expect(source).toMatchObject({
      occurrence: 'term',
      window: { from: '2026-01-01', to: '2031-12-31' },
      status: 'missing',
    });
    expect(source?.onDemand?.tally).toMatchObject({ capacity: 0, calls: 2, served: 1, missed: 1, beyondCapacity: 0 });
    expect(renderExplanation(source?.explained)).toContain(
      '甲方调用 2 次，按时完成 1 次，未完成 1 次；每次要求均须提供，不限次数；缺失',
    );
    expect(after.items.find((i) => i.obligationId === 'migration-help')).toMatchObject({
      occurrence: 'after-term',
      status: 'met',
    });

    // A month of the term: the source code row (no call: met), the hand-over plan pending, no migration help yet.
    const june = obligationChecklist({
      config: p1,
      period: { from: '2026-06-01', to: '2026-06-30' },
      asOf: '2026-06-30',
      deliveries: [],
      calendar,
    });
    expect(
      june.items
        .filter((i) => ['source-code', 'handover-plan', 'migration-help'].includes(i.obligationId))
        .map((i) => [i.obligationId, i.status]),
    ).toEqual([
      ['source-code', 'met'],
      ['handover-plan', 'pending'],
    ]);
  });

  it('a call outside the obligation’s window, or without a due day where the contract gives no response time, is refused at its path', () => {
    expect(
      onDemandCallProblems(p1, { obligationId: 'source-code', calledOn: '2032-01-05' }, []).map((p) => [
        p.path,
        p.code,
      ]),
    ).toEqual([['input.calledOn', 'onDemand.outsideWindow']]);
    expect(
      onDemandCallProblems(p1, { obligationId: 'migration-help', calledOn: '2026-11-02' }, []).map((p) => [
        p.path,
        p.code,
      ]),
    ).toEqual([
      ['input.calledOn', 'onDemand.outsideWindow'],
      ['input.dueOn', 'value.required'],
    ]);
    expect(onDemandCallProblems(p1, { obligationId: 'source-code', calledOn: '2030-02-01' }, [])).toEqual([]);
  });

  it('post-term only for on-demand obligations over the term', () => {
    const config = getPreset('tianjin-2026-p1').config;
    const r = validateContractConfig({
      ...config,
      obligations: config.obligations?.map((o) =>
        o.id === 'handover-plan' ? { ...o, afterTerm: { years: 1 }, respondWithinDays: 2 } : o,
      ),
    });
    expect(r.ok ? [] : r.problems.filter((p) => p.code.startsWith('obligation.')).map((p) => p.path)).toEqual([
      'obligations[8].afterTerm',
      'obligations[8].respondWithinDays',
    ]);
  });
});
