import fc from 'fast-check';
import { renderExplanation } from '../explain/explanation-texts';
import { parseContractConfig, validateContractConfig } from '../config/validate-contract-config';
import { getPreset } from '../presets';
import { KPI_EVENT_KINDS, kpiCategories, kpiFlags, kpiPeriodOf, ticketKpis } from './ticket-kpis';
import type { LifecycleEvent, LifecycleEventKind, Ticket } from './ticket.types';

const p1 = parseContractConfig(getPreset('tianjin-2026-p1').config);

type Step = [LifecycleEventKind, string];
/** A ticket raised at `raised` (local time on Beijing's offset) that went through `steps`. */
const ticket = (id: string, category: string, raised: string, ...steps: Step[]): Ticket => {
  const at = (s: string) => `${s}:00+08:00`;
  const events: LifecycleEvent[] = [
    { kind: 'submitted', at: at(raised), actor: 'buyer' },
    ...steps.map(([kind, when]): LifecycleEvent => ({
      kind,
      at: at(when),
      actor: kind === 'closed' ? 'buyer' : 'vendor',
    })),
  ];
  return { id, category, severity: 'general', specialAttention: false, state: 'submitted', events, pauses: [] };
};

const answeredAndClosed = (id: string, day: string): Ticket =>
  ticket(
    id,
    '用户反馈',
    `${day}T09:00`,
    ['received', `${day}T09:05`],
    ['feedback', `${day}T09:30`],
    ['closed', `${day}T16:00`],
  );

/** Q3 2026 of Tianjin P1: fifty user feedback tickets, three vulnerabilities. */
function q3(): Ticket[] {
  const out: Ticket[] = [];
  for (let i = 1; i <= 49; i++)
    out.push(answeredAndClosed(`TJ-${String(i).padStart(3, '0')}`, `2026-07-${String((i % 28) + 1).padStart(2, '0')}`));
  // Answered, then ended by agreement as unsolvable: counted, not resolved.
  out.push(
    ticket(
      'TJ-050',
      '用户反馈',
      '2026-09-29T10:00',
      ['received', '2026-09-29T10:02'],
      ['responded', '2026-09-29T10:10'],
      ['unsolvable', '2026-09-30T17:00'],
    ),
  );
  out.push(
    ticket(
      'TJ-V01',
      '高危漏洞',
      '2026-08-03T09:00',
      ['received', '2026-08-03T09:10'],
      ['deployed', '2026-08-05T18:00'],
      ['closed', '2026-08-12T10:00'],
    ),
    ticket(
      'TJ-V02',
      '中危漏洞',
      '2026-09-01T09:00',
      ['received', '2026-09-01T09:10'],
      ['deployed', '2026-09-02T18:00'],
      ['closed', '2026-09-09T10:00'],
    ),
    // Fixed on 9-28 but not yet confirmed closed by the end of the quarter.
    ticket(
      'TJ-V03',
      '中危漏洞',
      '2026-09-25T09:00',
      ['received', '2026-09-25T09:10'],
      ['deployed', '2026-09-28T18:00'],
    ),
  );
  // Outside the KPIs: a fault; a user ticket raised in Q4; one withdrawn.
  out.push(ticket('TJ-F01', '系统故障', '2026-08-10T09:00'));
  out.push(ticket('TJ-100', '用户反馈', '2026-10-08T09:00'));
  out.push(ticket('TJ-W01', '用户反馈', '2026-08-08T09:00', ['withdrawn', '2026-08-08T10:00']));
  return out;
}

describe('Tianjin KPIs from tickets (domain rule 17, 004:1113, 004:1122)', () => {
  it('each Tianjin preset measures the three rates per quarter over the categories it defines', () => {
    for (const n of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const raw = getPreset(`tianjin-2026-p${n}`).config;
      expect(validateContractConfig(raw)).toEqual({ ok: true, config: expect.anything() });
      const c = parseContractConfig(raw);
      expect(c.sla?.kpis.map((k) => [k.metric, k.minPercent, k.period, k.categories])).toEqual([
        ['response-rate', '100', 'quarter', ['用户反馈']],
        ['resolution-rate', '98', 'quarter', ['用户反馈']],
        ['vulnerability-closure-rate', '100', 'quarter', ['高危漏洞', '中危漏洞']],
      ]);
      expect(kpiCategories(c)).toEqual(['用户反馈', '高危漏洞', '中危漏洞']);
    }
  });

  it.each([
    // [asOf, metric, counted, achieved, open, rate, meets, short]
    ['2026-09-30', 'response-rate', 50, 50, 0, '100.00', true, []],
    ['2026-09-30', 'resolution-rate', 50, 49, 0, '98.00', true, ['TJ-050']],
    ['2026-09-30', 'vulnerability-closure-rate', 3, 2, 1, '66.67', false, ['TJ-V03']],
  ] as const)('Q3 as of %s: %s', (asOf, metric, counted, achieved, open, rate, meets, short) => {
    const r = ticketKpis(p1, q3(), '2026-09-30', asOf).find((k) => k.metric === metric);
    expect(r).toMatchObject({
      period: { id: '2026-Q3', start: '2026-07-01', end: '2026-09-30' },
      counted,
      achieved,
      open,
      rate,
      meets,
      short: [...short],
    });
  });

  it('reads each ticket as of the day asked: a close on 2026-09-10 counts what had been raised and done by then', () => {
    const [resp, res, vul] = ticketKpis(p1, q3(), '2026-09-30', '2026-09-10');
    expect([resp.counted, res.counted, vul.counted, vul.achieved]).toEqual([49, 49, 2, 2]);
  });

  it('explains in Chinese and English and flags only the rate below its minimum', () => {
    const results = ticketKpis(p1, q3(), '2026-09-30', '2026-09-30');
    expect(renderExplanation(results[1].explained, 'zh-CN')).toBe(
      '用户反馈解决率：2026-07-01 至 2026-09-30 提出的 50 件中，截至 2026-09-30，49 件已解决，98.00%（要求不低于 98%）；未达成：TJ-050；达标',
    );
    expect(renderExplanation(results[2].explained, 'zh-CN')).toBe(
      '高危、中危漏洞闭环修复率：2026-07-01 至 2026-09-30 提出的 3 件中，截至 2026-09-30，2 件已闭环修复，66.67%（要求不低于 100%）；未达成：TJ-V03（其中 1 件尚未办结）；未达标',
    );
    expect(renderExplanation(results[0].explained, 'en')).toBe(
      '用户反馈响应率: of 50 ticket(s) raised 2026-07-01 to 2026-09-30, 50 answered by 2026-09-30: 100.00 % (minimum 100 %); met',
    );
    const flags = kpiFlags(results);
    expect(flags.map((f) => [f.code, f.subject])).toEqual([['KPI_BELOW_TARGET', 'vulnerability-closure-rate']]);
    expect(renderExplanation(flags[0].explained, 'zh-CN')).toBe(
      '高危、中危漏洞闭环修复率 66.67%（2 / 3），低于要求的 100%（2026-07-01 至 2026-09-30）：作为本期服务是否合格的依据，由甲方判定',
    );
  });

  it('a quarter without such tickets measures nothing and flags nothing', () => {
    const r = ticketKpis(p1, q3(), '2026-03-31', '2026-04-05');
    expect(r.map((k) => [k.period.id, k.counted, k.rate, k.meets])).toEqual([
      ['2026-Q1', 0, null, null],
      ['2026-Q1', 0, null, null],
      ['2026-Q1', 0, null, null],
    ]);
    expect(renderExplanation(r[0].explained, 'zh-CN')).toBe(
      '用户反馈响应率：2026-01-01 至 2026-03-31 截至 2026-04-05 没有提出此类工单，本期不计',
    );
    expect(kpiFlags(r)).toEqual([]);
  });

  it('a rate that shows as the minimum but is below it is not met (the exact ratio decides)', () => {
    // 48 of 49 = 97.959…% shows 97.96; 3 of 150 short = 98.00 exactly meets.
    const tickets = [
      ...Array.from({ length: 48 }, (_, i) => answeredAndClosed(`A${i}`, '2026-07-01')),
      ticket('B', '用户反馈', '2026-07-02T09:00'),
    ];
    const r = ticketKpis(p1, tickets, '2026-09-30', '2026-09-30')[1];
    expect([r.rate, r.meets]).toEqual(['97.96', false]);
  });

  it('the period of a KPI: the quarter the day is in, clipped to the term; the term itself', () => {
    expect(kpiPeriodOf({ period: 'quarter' }, { start: '2026-02-15', end: '2026-12-31' }, '2026-03-31')).toEqual({
      id: '2026-Q1',
      start: '2026-02-15',
      end: '2026-03-31',
    });
    expect(kpiPeriodOf({ period: 'term' }, p1.term, '2026-03-31')).toEqual({ id: 'term', ...p1.term });
    expect(kpiPeriodOf({ period: 'quarter' }, p1.term, '2027-01-01')).toBeNull();
  });

  it('a KPI naming a category the contract does not know is refused at its path', () => {
    const raw = structuredClone(getPreset('tianjin-2026-p2').config) as { sla: { kpis: { categories: string[] }[] } };
    raw.sla.kpis[2].categories = ['高危漏洞', '漏洞'];
    const r = validateContractConfig(raw);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems.map((p) => p.path)).toEqual(['sla.kpis[2].categories[1]']);
  });

  it('property: achieved ≤ counted, open ≤ counted − achieved, short lists the rest up to the limit', () => {
    // Every event a KPI reads but the report, and receipt (which none reads).
    const kinds: LifecycleEventKind[] = ['received', ...KPI_EVENT_KINDS.filter((k) => k !== 'submitted')];
    const arb = fc.array(
      fc.record({
        category: fc.constantFrom('用户反馈', '高危漏洞', '中危漏洞', '系统故障'),
        day: fc.integer({ min: 1, max: 30 }),
        steps: fc.array(fc.constantFrom(...kinds), { maxLength: 4 }),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(arb, (plans) => {
        const tickets = plans.map((p, i) => {
          const day = `2026-09-${String(p.day).padStart(2, '0')}`;
          return ticket(
            `T${i}`,
            p.category,
            `${day}T08:00`,
            ...p.steps.map((k, j): Step => [k, `${day}T${String(9 + j).padStart(2, '0')}:00`]),
          );
        });
        for (const r of ticketKpis(p1, tickets, '2026-09-30', '2026-09-30')) {
          expect(r.achieved).toBeLessThanOrEqual(r.counted);
          expect(r.open).toBeLessThanOrEqual(r.counted - r.achieved);
          expect(r.short.length + r.shortMore).toBe(r.counted - r.achieved);
          expect(r.meets === null).toBe(r.counted === 0);
        }
      }),
    );
  });
});
