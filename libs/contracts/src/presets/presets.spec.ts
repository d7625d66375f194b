import { renderExplanation } from '../explain/explanation-texts';
import * as fs from 'fs';
import * as path from 'path';
import { dec } from '@ledger/kernel';
import {
  buildCalendar,
  evaluateTicketSla,
  validateCalendarConfig,
  validateSlaPolicy,
  type CalendarConfigInput,
  type SlaPolicy,
} from '@ledger/sla';
import {
  aggregatePeriods,
  evaluateAssessment,
  plannedAchievementRate,
  scoreProcurement,
  specialAttentionDelay,
  validateAssessmentScheme,
  validateProcurementScheme,
  type AssessmentSchemeInput,
  type ProcurementSchemeInput,
} from '@ledger/scoring';
import { validateContractConfig } from '../config/validate-contract-config';
import { computeSchedule } from '../payment/compute-schedule';
import { getPreset, PRESET_IDS, PRESETS } from './index';
import {
  derivationLiterals,
  evaluateDerivation,
  lineHasNumber,
  lineHasQuote,
  numericLeaves,
  type PresetNote,
  type SourceRef,
} from './seed-check';

/*
 * Presets as data: every preset validates, every number in it carries a source that the seed confirms,
 * and every note points at something in the configuration. The normaliser rules for "the line contains
 * the number in some written form" are documented in ./seed-check.ts.
 */

const REPO_ROOT = path.resolve(__dirname, '../../../..');
const SHARED = path.resolve(REPO_ROOT, '../shared');
const SEEDS_DIR = path.join(SHARED, 'seeds');
const seedsPresent = fs.existsSync(SEEDS_DIR);

const fileCache = new Map<string, string[]>();
function linesOf(seed: string): string[] {
  // `docs/domain.md` cites the product specification (a value domain.md prescribes for a demo);
  // anything else is a seed file in ../shared/seeds.
  const file = seed.startsWith('docs/') ? path.join(SHARED, seed) : path.join(SEEDS_DIR, seed);
  let lines = fileCache.get(file);
  if (!lines) {
    lines = fs.readFileSync(file, 'utf8').split('\n');
    fileCache.set(file, lines);
  }
  return lines;
}

/** The cited line and its neighbours (±1). */
function window(src: SourceRef): string[] {
  const lines = linesOf(src.seed);
  return [src.line - 2, src.line - 1, src.line].filter((i) => i >= 0 && i < lines.length).map((i) => lines[i]);
}

type Raw = { sources?: SourceRef[]; notes?: PresetNote[] } & Record<string, unknown>;
const raw = (id: string): Raw => getPreset(id).config as unknown as Raw;

/** Every path in the config (objects, arrays and leaves), in the problem-path format. */
function allPaths(value: unknown, p = '', out = new Set<string>()): Set<string> {
  if (p !== '') out.add(p);
  if (Array.isArray(value)) value.forEach((x, i) => allPaths(x, `${p}[${i}]`, out));
  else if (value && typeof value === 'object') {
    for (const [k, x] of Object.entries(value)) {
      if (p === '' && (k === 'sources' || k === 'notes')) continue;
      allPaths(x, p === '' ? k : `${p}.${k}`, out);
    }
  }
  return out;
}

/** `schemaVersion` is the configuration language's version, not a contract figure. */
const NOT_A_FIGURE = new Set(['schemaVersion']);

/** Every way the cited seed lines fail to confirm the config's numbers and quotes (empty = all confirmed). */
function sourceFailures(cfg: Raw): string[] {
  const sources = cfg.sources ?? [];
  const notes = cfg.notes ?? [];
  const values = new Map(numericLeaves(cfg).map((l) => [l.path, l.value]));
  const failures: string[] = [];
  for (const src of sources) {
    const where = `${src.path} → ${src.seed}:${src.line}`;
    const lines = linesOf(src.seed);
    if (src.line < 1 || src.line > lines.length) {
      failures.push(`${where}: no such line (the file has ${lines.length})`);
      continue;
    }
    const win = window(src);
    if (src.quote === undefined || src.quote.trim() === '')
      failures.push(`${where}: no quote (every source quotes its line)`);
    else if (!win.some((l) => lineHasQuote(l, src.quote as string))) {
      failures.push(`${where}: quote "${src.quote}" is not on the line or its neighbours`);
    }
    const value = values.get(src.path);
    if (value === undefined) continue; // a source for a non-numeric value (a date, a text): the quote is checked above
    if (win.some((l) => lineHasNumber(l, value))) continue;
    const pathNotes = notes.filter((n) => n.path === src.path);
    if (src.path.endsWith('.rank') && pathNotes.some((n) => n.text.startsWith('ordinal:'))) continue;
    const related = sources.filter((s) => s.path === src.path);
    const derivation = related.map((s) => s.derivation).find((d) => d !== undefined);
    if (derivation !== undefined) {
      const v = evaluateDerivation(derivation);
      if (!v.eq(value)) {
        failures.push(`${where}: derivation "${derivation}" = ${v.toString()}, not ${value.toString()}`);
        continue;
      }
      const citedLines = related.flatMap((s) => window(s));
      const unfound = derivationLiterals(derivation).filter((lit) => !citedLines.some((l) => lineHasNumber(l, lit)));
      if (unfound.length > 0)
        failures.push(`${where}: derivation literal(s) ${unfound.join(', ')} not on any cited line`);
      continue;
    }
    failures.push(`${where}: ${value.toString()} is not on the line: "${lines[src.line - 1].trim().slice(0, 80)}"`);
  }
  return failures;
}

describe('presets registry', () => {
  it('lists every preset under its own id, with a Chinese title and the tenant', () => {
    expect(PRESET_IDS.length).toBeGreaterThan(0);
    for (const id of PRESET_IDS) {
      const p = PRESETS[id];
      expect(p.id).toBe(id);
      expect((p.config as unknown as Raw).id).toBe(id);
      expect(p.title).toMatch(/[\u4e00-\u9fff]/);
      expect(p.config.parties.buyer).toBe(p.tenant);
    }
    expect(() => getPreset('no-such-preset')).toThrow(/unknown preset/);
  });
});

describe.each(PRESET_IDS)('preset %s', (id) => {
  it('validates with validateContractConfig', () => {
    const r = validateContractConfig(getPreset(id).config);
    if (!r.ok) {
      // Print every problem, so a failing preset says what to fix.
      throw new Error(
        `${id} has ${r.problems.length} problem(s):\n${r.problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`,
      );
    }
    expect(r.ok).toBe(true);
  });

  it("its sections validate with the sla and scoring libraries' own validators", () => {
    // validateContractConfig wires these in as the libraries publish them; checked here directly as well.
    const cfg = raw(id) as Record<string, unknown>;
    const sla = cfg.sla as { policy?: unknown } | undefined;
    const problems = [
      ...(cfg.calendar !== undefined
        ? validateCalendarConfig(cfg.calendar).map((p) => `calendar.${p.path}: ${p.message}`)
        : []),
      ...(sla?.policy !== undefined
        ? validateSlaPolicy(sla.policy).map((p) => `sla.policy.${p.path}: ${p.message}`)
        : []),
      ...(cfg.assessment !== undefined
        ? validateAssessmentScheme(cfg.assessment).map((p) => `assessment.${p.path}: ${p.message}`)
        : []),
      ...(cfg.procurement !== undefined
        ? validateProcurementScheme(cfg.procurement).map((p) => `procurement.${p.path}: ${p.message}`)
        : []),
    ];
    expect(problems).toEqual([]);
  });

  it('gives every numeric leaf a source entry at its exact path', () => {
    const cfg = raw(id);
    const cited = new Set((cfg.sources ?? []).map((s) => s.path));
    const missing = numericLeaves(cfg)
      .filter((l) => !NOT_A_FIGURE.has(l.path))
      .filter((l) => !cited.has(l.path))
      .map((l) => `${l.path} = ${l.value.toString()}`);
    expect(missing).toEqual([]);
  });

  it('cites only paths that exist, and notes only paths that exist', () => {
    const cfg = raw(id);
    const paths = allPaths(cfg);
    const badSources = (cfg.sources ?? []).filter((s) => !paths.has(s.path)).map((s) => s.path);
    const badNotes = (cfg.notes ?? []).filter((n) => n.path !== '(root)' && !paths.has(n.path)).map((n) => n.path);
    expect(badSources).toEqual([]);
    expect(badNotes).toEqual([]);
  });

  it('every number appears (in some written form) on the seed line it cites, or its ±1 neighbours', () => {
    if (!seedsPresent) {
      console.warn(`source check skipped: the seed folder ${SEEDS_DIR} is absent`);
      return;
    }
    expect(sourceFailures(raw(id))).toEqual([]);
  });

  it('gives every derivation a value that matches, and every unnumbered rank an ordinal note', () => {
    const cfg = raw(id);
    const values = new Map(numericLeaves(cfg).map((l) => [l.path, l.value]));
    for (const src of cfg.sources ?? []) {
      if (src.derivation === undefined) continue;
      expect({ path: src.path, value: evaluateDerivation(src.derivation).toString() }).toEqual({
        path: src.path,
        value: values.get(src.path)?.toString(),
      });
    }
    for (const n of cfg.notes ?? []) expect(n.text.trim().length).toBeGreaterThan(0);
  });
});

describe('the source check can fail', () => {
  const seedOnly = seedsPresent ? it : it.skip;
  seedOnly('reports a figure that is not on its cited line', () => {
    const cfg = JSON.parse(JSON.stringify(raw('xuzhou-2026'))) as Raw;
    (cfg.money as { budget: string }).budget = '2500000.00';
    expect(sourceFailures(cfg)).toEqual([
      expect.stringContaining('money.budget → 000_f7ba827fd35ca96b.txt:5: 2500000'),
    ]);
  });
  seedOnly('reports a quote that is not on its cited line', () => {
    const cfg = JSON.parse(JSON.stringify(raw('xuzhou-2026'))) as Raw;
    const src = (cfg.sources ?? []).find((s) => s.path === 'money.budget') as SourceRef;
    src.line = 9; // two lines away: outside the ±1 window
    expect(sourceFailures(cfg).some((f) => f.includes('quote'))).toBe(true);
  });
});

describe('seed-check normaliser', () => {
  it('reads the ways the seeds write numbers', () => {
    expect(lineHasNumber('本项目采购预算总金额250.8万元人民币', dec(2508000))).toBe(true);
    expect(lineHasNumber('壹佰柒拾肆万元整（¥1,740,000.00）', dec('1740000.00'))).toBe(true);
    expect(lineHasNumber('于一个工作日内反馈处理意见', dec(1))).toBe(true);
    expect(lineHasNumber('每次扣5分整体评分', dec(-5))).toBe(true);
    expect(lineHasNumber('	4小时', dec(240))).toBe(true);
    expect(lineHasNumber('按季度付款，服务合格，每季度末支付年合同金额的25%', dec('0.25'))).toBe(true);
    expect(lineHasNumber('平均分为80-89分，不扣减整体评分', dec(0))).toBe(true);
  });
  it('is not fooled by a number that is not there', () => {
    expect(lineHasNumber('	4小时', dec(5))).toBe(false);
    expect(lineHasNumber('每次扣5分整体评分', dec(50))).toBe(false);
    expect(lineHasNumber('按季度付款，服务合格', dec(100))).toBe(false);
    expect(lineHasNumber('每季度末支付年合同金额的25%', dec(0))).toBe(false); // a bare % does not declare a 0..100 scale
    expect(lineHasNumber('计划内达成率(%)', dec(100))).toBe(true);
    expect(lineHasNumber('一般故障15分钟内响应', dec(1))).toBe(false); // 一般 is "ordinary", not one
    expect(lineHasNumber('可在合同结束日期前一周提交项目情况报告', dec(7))).toBe(true); // 一周 = 7 days
    expect(lineHasQuote('现场派驻9名技术人员，指定其中1人为项目经理。', '现场派驻 9 名技术人员')).toBe(true);
    expect(lineHasQuote('现场派驻9名技术人员', '现场派驻8名')).toBe(false);
    expect(evaluateDerivation('1740000 * 12 / 18').toString()).toBe('1160000');
    expect(() => evaluateDerivation('1 + x')).toThrow();
  });
});

/* ------------------------------------------------------------------------------------------------------
 * End-to-end scenarios through the presets: assessment (scoring) → deductions → payment schedule.
 * Every expected figure is a literal, derived by hand in the comment beside it.
 * ---------------------------------------------------------------------------------------------------- */

type Ticket = {
  id: string;
  expectedCloseDate: string;
  completedDate?: string;
  extendedTo?: string;
  specialAttention: boolean;
};

/** `n` tickets due on `due`, completed on `done` (late when done > due). */
function tickets(prefix: string, n: number, due: string, done: string, special = false): Ticket[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${prefix}-${i + 1}`,
    expectedCloseDate: due,
    completedDate: done,
    specialAttention: special,
  }));
}

/** One person's staff sheet: attitude + ability + results (+ task bonuses). */
const person = (personId: string, attitude: number, ability: number, results: number, bonuses: number[] = []) => ({
  personId,
  attitude,
  ability,
  results,
  bonuses,
});

describe('scenario A — Xuzhou 2026 (domain.md worked example A)', () => {
  const preset = getPreset('xuzhou-2026');
  const scheme = preset.config.assessment as AssessmentSchemeInput;
  const H1 = { from: '2026-01-01', to: '2026-06-30' };
  const H2 = { from: '2026-07-01', to: '2026-12-31' };

  // H1: 45 tickets due, 41 on time; the 4 late ones include 2 special-attention tickets, 5 + 7 = 12 days late.
  const h1Tickets: Ticket[] = [
    ...tickets('h1-ok', 41, '2026-04-30', '2026-04-28'),
    ...tickets('h1-late', 2, '2026-05-15', '2026-05-18'),
    { id: 'h1-sa-1', expectedCloseDate: '2026-03-10', completedDate: '2026-03-15', specialAttention: true },
    { id: 'h1-sa-2', expectedCloseDate: '2026-05-20', completedDate: '2026-05-27', specialAttention: true },
  ];
  // H2: 50 tickets due, 38 on time; special-attention delays 20 + 15 = 35 days.
  const h2Tickets: Ticket[] = [
    ...tickets('h2-ok', 38, '2026-10-31', '2026-10-30'),
    ...tickets('h2-late', 10, '2026-11-15', '2026-11-20'),
    { id: 'h2-sa-1', expectedCloseDate: '2026-09-01', completedDate: '2026-09-21', specialAttention: true },
    { id: 'h2-sa-2', expectedCloseDate: '2026-12-01', completedDate: '2026-12-16', specialAttention: true },
  ];

  // Staff sheets: H1 totals 90, 78, 84, 86, 82, 84, 88, 80 (76 + a task bonus of 4), 84 → Σ 756 ÷ 9 = 84.
  const h1Staff = [
    person('s1', 28, 27, 35),
    person('s2', 24, 24, 30),
    person('s3', 26, 25, 33),
    person('s4', 27, 26, 33),
    person('s5', 25, 25, 32),
    person('s6', 25, 26, 33),
    person('s7', 27, 27, 34),
    person('s8', 24, 25, 27, [4]),
    person('s9', 26, 26, 32),
  ];
  // H2 totals 75, 68, 72, 70, 74, 72, 71, 73, 73 → Σ 648 ÷ 9 = 72; s2 (68 < 70) is flagged for replacement.
  const h2Staff = [
    person('s1', 23, 22, 30),
    person('s2', 20, 20, 28),
    person('s3', 22, 21, 29),
    person('s4', 21, 21, 28),
    person('s5', 22, 22, 30),
    person('s6', 22, 21, 29),
    person('s7', 21, 21, 29),
    person('s8', 22, 22, 29),
    person('s9', 22, 22, 29),
  ];

  const metrics = (t: Ticket[], period: { from: string; to: string }, asOf: string) => ({
    achievementRate: plannedAchievementRate({ tickets: t, period, asOf }).rate,
    specialDelayDays: specialAttentionDelay({ tickets: t, period, asOf }).days,
  });

  it('H1 scores 100.00 (105 clamped), H2 78.00, the year 89.00', () => {
    const h1Metrics = metrics(h1Tickets, H1, '2026-07-05');
    expect(plannedAchievementRate({ tickets: h1Tickets, period: H1, asOf: '2026-07-05' }).display).toBe('91.11'); // 41 ÷ 45 = 91.11 %
    expect(h1Metrics.specialDelayDays).toBe('12'); // 5 + 7
    const h1 = evaluateAssessment(scheme, {
      staff: h1Staff,
      securityIncidents: 0,
      ...h1Metrics,
      businessSatisfaction: '比较满意',
      itSatisfaction: '一般',
    });
    // 100 + 0 (staff 84) + 0 (no incident) + 2 (91.11 %) − 2 (12 days) + 5 (比较满意) + 0 (一般) = 105 → clamp 100
    expect(h1.unclampedScore).toBe('105.00');
    expect(h1.score).toBe('100.00');

    const h2Metrics = metrics(h2Tickets, H2, '2027-01-05');
    expect(h2Metrics.achievementRate).toBe('76'); // 38 ÷ 50 = 76 %
    expect(h2Metrics.specialDelayDays).toBe('35'); // 20 + 15
    const h2 = evaluateAssessment(scheme, {
      staff: h2Staff,
      securityIncidents: 1,
      ...h2Metrics,
      businessSatisfaction: '一般',
      itSatisfaction: '差',
    });
    // 100 − 5 (staff 72) − 5 (1 incident) − 2 (76 %) − 5 (35 days) − 3 (一般) − 2 (差) = 78
    expect(h2.score).toBe('78.00');
    expect(h2.flags.map((f) => f.subject)).toEqual(['s2']); // 68 < 70: replacement may be requested

    expect(aggregatePeriods(scheme, [h1.score, h2.score]).score).toBe('89.00'); // (100 + 78) ÷ 2
  });

  it('pays 2,400,000.00 less the absence deduction 66,666.67 (year 89.00 ≥ 80: no score deduction)', () => {
    const schedule = computeSchedule(
      preset.config,
      {
        periods: [
          { id: '2026-H1', score: '100.00', assessedOn: '2026-07-10' },
          { id: '2026-H2', score: '78.00', assessedOn: '2027-01-10' },
        ],
        years: [{ year: 2026, score: '89.00', assessedOn: '2027-01-10' }],
        attendance: [{ actualPersonMonths: '105' }],
      },
      { asOf: '2027-01-31' },
    );
    expect(schedule.lines).toHaveLength(1);
    const [line] = schedule.lines;
    expect(line.gross).toBe('2400000.00'); // one settlement of the whole amount
    expect(line.deductions.map((d) => [d.ruleId, d.amount])).toEqual([
      ['year-score', '0.00'], // 89.00 ≥ 80: nothing below the threshold
      ['absence', '66666.67'], // 2,400,000 × (108 − 105) ÷ 108 = 66,666.666… → 66,666.67
    ]);
    expect(line.net).toBe('2333333.33'); // 2,400,000.00 − 66,666.67
    expect(line.dueDate).toBe('2027-01-10'); // when the year score is set
    expect(line.status).toBe('due');
  });

  it('a weak year: 77.50 costs 2.5 points × 10,000; a very weak one is capped at 20 % of the amount', () => {
    const run = (score: string) =>
      computeSchedule(
        preset.config,
        { years: [{ year: 2026, score, assessedOn: '2027-01-10' }], attendance: [{ actualPersonMonths: '108' }] },
        { asOf: '2027-01-31' },
      ).lines[0];
    const weak = run('77.50');
    expect(weak.deductions.map((d) => [d.ruleId, d.amount])).toEqual([
      ['year-score', '25000.00'], // (80 − 77.5) × 10,000
      ['absence', '0.00'], // 108 of 108 person-months present
    ]);
    expect(weak.net).toBe('2375000.00'); // 2,400,000 − 25,000
    const dire = run('20.00');
    expect(dire.deductions.find((d) => d.ruleId === 'year-score')?.amount).toBe('480000.00'); // 60 × 10,000 = 600,000 > cap 20 % × 2,400,000 = 480,000
  });
});

describe("the ladders' edges as the presets resolve them", () => {
  const xz = getPreset('xuzhou-2026').config.assessment as AssessmentSchemeInput;
  const ha = getPreset('huaian-2025-2026').config.assessment as AssessmentSchemeInput;
  const qh = getPreset('qinghai-hospital-3y').config.assessment as AssessmentSchemeInput;
  const ticketPoints = (scheme: AssessmentSchemeInput, achievementRate: string, specialDelayDays: string) =>
    evaluateAssessment(scheme, {
      achievementRate,
      specialDelayDays,
      businessSatisfaction: '一般',
      itSatisfaction: '一般',
    }).unclampedScore;

  it.each([
    ['0', '97.00'], // no delay: 0 (band [0, 0] added by the preset); 100 + 0 − 3 + 0
    ['10', '96.00'], // 10≥延期>0 → −1
    ['60', '92.00'], // seed overlap: "60≥延期>30" and "延期≥60" — resolved d = 60 → −5
    ['61', '87.00'], // (60, ∞) → −10
  ])("Huai'an delay %s days → %s (rate 85 %: 0; 业务 一般 −3; 信息 一般 0)", (days, score) => {
    expect(ticketPoints(ha, '85', days)).toBe(score);
  });

  it.each([
    ['90', '104.00'], // 达成率≥90% → +2: 100 + 5 (one person scored 90 → staff +5) + 2 − 3 (业务 一般)
    ['89.99', '102.00'], // 90%>达成率≥80% → 0: 100 + 5 + 0 − 3
    ['59.99', '92.00'], // 达成率<60% → −10: 100 + 5 − 10 − 3
  ])('Xuzhou achievement %s %% → unclamped %s', (rate, score) => {
    const r = evaluateAssessment(xz, {
      staff: [person('p', 28, 28, 34)],
      securityIncidents: 0,
      achievementRate: rate,
      specialDelayDays: '0',
      businessSatisfaction: '一般',
      itSatisfaction: '一般',
    });
    expect(r.unclampedScore).toBe(score);
  });

  it('Qinghai: an average of 89.50 is B (the seed\'s "80分(含)至89分" read as [80, 90)); 90.00 is A', () => {
    const items = (v: number) =>
      Object.fromEntries(
        [
          'monthlyInspection',
          'hotline',
          'emergencyOnSite',
          'faultQuality',
          'recurrence',
          'responseTimeliness',
          'engineerSkill',
          'training',
          'dbOptimisation',
          'onSite',
          'improvement',
        ].map((id) => [id, v]),
      );
    expect(evaluateAssessment(qh, { items: items(89.5) }).grade).toBe('B');
    expect(evaluateAssessment(qh, { items: items(90) }).grade).toBe('A');
    expect(evaluateAssessment(qh, { items: items(79.99) }).grade).toBe('C');
  });
});

describe("scenario B — Huai'an 2025–2026 (domain.md worked example B)", () => {
  const preset = getPreset('huaian-2025-2026');
  const scheme = preset.config.assessment as AssessmentSchemeInput;

  it('2026: H1 76.00 and H2 80.00 → year 78.00', () => {
    // H1: 11 of 20 on time (55 %) −10; special-attention delay 45 days −5; 业务 不满意 −5; 信息 很差 −4 → 100 − 24 = 76
    const h1 = evaluateAssessment(scheme, {
      achievementRate: '55',
      specialDelayDays: '45',
      businessSatisfaction: '不满意',
      itSatisfaction: '很差',
    });
    expect(h1.score).toBe('76.00');
    // H2: 10 of 20 (50 %) −10; 25 days −3; 不满意 −5; 差 −2 → 100 − 20 = 80
    const h2 = evaluateAssessment(scheme, {
      achievementRate: '50',
      specialDelayDays: '25',
      businessSatisfaction: '不满意',
      itSatisfaction: '差',
    });
    expect(h2.score).toBe('80.00');
    expect(aggregatePeriods(scheme, [h1.score, h2.score]).score).toBe('78.00'); // (76 + 80) ÷ 2
    // the 2025 year has one half-year (H2 2025): its score is the year score
    const h2025 = evaluateAssessment(scheme, {
      achievementRate: '92',
      specialDelayDays: '0',
      businessSatisfaction: '比较满意',
      itSatisfaction: '好',
    });
    expect(h2025.score).toBe('100.00'); // 100 + 2 + 0 + 5 + 5 = 112 → clamp 100
    expect(aggregatePeriods(scheme, [h2025.score]).score).toBe('100.00');
  });

  it('40 % and 95 % are paid on schedule; the 2026 score deducts 40,000.00 and withholds the final 5 % (87,000.00)', () => {
    const schedule = computeSchedule(
      preset.config,
      {
        years: [
          { year: 2025, score: '100.00', assessedOn: '2026-01-15' },
          { year: 2026, score: '78.00', assessedOn: '2026-12-20' },
        ],
        acceptance: { passed: true, date: '2026-12-25' },
        payments: [
          { lineId: schedule0LineId('advance'), amount: '696000.00', paidOn: '2025-12-05' },
          { lineId: schedule0LineId('by-2025-12-31'), amount: '957000.00', paidOn: '2025-12-30' },
        ],
      },
      { asOf: '2026-12-31' },
    );
    const byStep = Object.fromEntries(schedule.lines.map((l) => [l.id, l]));
    const [advance, by2025, balance] = schedule.lines;
    expect(Object.keys(byStep)).toHaveLength(3);
    expect(advance.gross).toBe('696000.00'); // 40 % × 1,740,000
    expect(advance.status).toBe('paid');
    expect(by2025.gross).toBe('957000.00'); // 95 % × 1,740,000 = 1,653,000 − 696,000
    expect(by2025.dueDate).toBe('2025-12-31');
    expect(by2025.status).toBe('paid');
    expect(balance.gross).toBe('87000.00'); // 1,740,000 − 1,653,000 = 5 %
    expect(balance.status).toBe('withheld'); // 2026 score 78.00 < 80
    const scoreDeduction = schedule.lines.flatMap((l) => l.deductions).filter((d) => d.ruleId === 'year-score');
    // 2025: 100 ≥ 80 → 0; 2026: (80 − 78) × 20,000 = 40,000 ≤ cap 20 % × 1,160,000 (2026 fee, 12/18 of the amount) = 232,000
    expect(scoreDeduction.map((d) => d.amount).filter((a) => a !== '0.00')).toEqual(['40000.00']);
    expect(balance.deductions.find((d) => d.ruleId === 'year-score')?.amount).toBe('40000.00');
    expect(balance.net).toBe('47000.00'); // 87,000 − 40,000, withheld while the score stays below 80
  });
});

describe("scenario B — Huai'an liquidated damages (general clause 12)", () => {
  it('30 days late on a 100,000.00 service: 0.5 % a day = 15 %, capped at 10 % → 10,000.00', () => {
    const schedule = computeSchedule(
      getPreset('huaian-2025-2026').config,
      {
        lateDeliveries: [
          {
            id: 'interface-batch',
            description: '跨部门接口对接延期',
            serviceValue: '100000.00',
            daysLate: 30,
            on: '2026-06-15',
          },
        ],
      },
      { asOf: '2026-06-30' },
    );
    const ld = schedule.lines
      .flatMap((l) => l.deductions)
      .filter((d) => d.ruleId === 'liquidated-damages' && d.amount !== '0.00');
    expect(ld.map((d) => d.amount)).toEqual(['10000.00']); // min(30 × 0.5 % × 100,000 = 15,000; 10 % × 100,000 = 10,000)
  });
});

/** Line ids follow the engine's naming `<milestone>:<step>`; read from a schedule with no facts. */
function schedule0LineId(step: string): string {
  const lines = computeSchedule(getPreset('huaian-2025-2026').config, {}, { asOf: '2025-07-01' }).lines;
  const line = lines.find((l) => l.id.endsWith(step));
  if (!line) throw new Error(`no line for step ${step}: ${lines.map((l) => l.id).join(', ')}`);
  return line.id;
}

describe('scenario C — Qinghai hospital (domain.md worked example C)', () => {
  const preset = getPreset('qinghai-hospital-3y');
  const scheme = preset.config.assessment as AssessmentSchemeInput;
  const items = (scores: number[]) =>
    Object.fromEntries(
      [
        'monthlyInspection',
        'hotline',
        'emergencyOnSite',
        'faultQuality',
        'recurrence',
        'responseTimeliness',
        'engineerSkill',
        'training',
        'dbOptimisation',
        'onSite',
        'improvement',
      ].map((id, i) => [id, scores[i]]),
    );

  it('H1 2026: item average 86.40 → grade B (fails); H2 2026: 93.00 → A', () => {
    // 88 + 85 + 90 + 84 + 86 + 87 + 89 + 83 + 85 + 87 + 86.4 = 950.4 ÷ 11 = 86.40
    const h1 = evaluateAssessment(scheme, { items: items([88, 85, 90, 84, 86, 87, 89, 83, 85, 87, 86.4]) });
    expect(h1.score).toBe('86.40');
    expect([h1.grade, h1.passes]).toEqual(['B', false]);
    // 95 + 92 + 94 + 93 + 90 + 96 + 92 + 91 + 93 + 94 + 93 = 1,023 ÷ 11 = 93.00
    const h2 = evaluateAssessment(scheme, { items: items([95, 92, 94, 93, 90, 96, 92, 91, 93, 94, 93]) });
    expect(h2.score).toBe('93.00');
    expect([h2.grade, h2.passes]).toEqual(['A', true]);
  });

  it('H1 pays 7,000.00 − 140.00 − 1,500.00 − 210.00 = 5,150.00, four months after the assessment; H2 pays in full', () => {
    const schedule = computeSchedule(
      preset.config,
      {
        periods: [
          {
            id: '2026-H1',
            score: '86.40',
            grade: 'B',
            assessedOn: '2026-07-10',
            validComplaints: 3,
            ledgerConfirmed: true,
          },
          {
            id: '2026-H2',
            score: '93.00',
            grade: 'A',
            assessedOn: '2027-01-12',
            validComplaints: 0,
            ledgerConfirmed: true,
          },
        ],
      },
      { asOf: '2027-06-30' },
    );
    expect(schedule.lines).toHaveLength(6); // six half-years in 2026..2028
    const h1 = schedule.lines.find((l) => l.period === '2026-H1');
    const h2 = schedule.lines.find((l) => l.period === '2026-H2');
    expect(h1?.gross).toBe('7000.00'); // 42,000 ÷ 3 = 14,000 a year; 50 % = 7,000
    expect(Object.fromEntries((h1?.deductions ?? []).map((d) => [d.ruleId, d.amount]))).toEqual({
      grade: '140.00', // grade B: 2 % × 7,000
      complaints: '1500.00', // 3 × 500
      'complaints-3': '210.00', // ≥ 3 complaints: 3 % × 7,000
    });
    expect(h1?.net).toBe('5150.00'); // 7,000 − 140 − 1,500 − 210
    expect(h1?.dueDate).toBe('2026-11-10'); // 2026-07-10 + 3 months + 1 month (grade B)
    expect(h2?.net).toBe('7000.00'); // grade A, no complaints
    expect(h2?.dueDate).toBe('2027-04-12'); // 2027-01-12 + 3 months
  });

  it('a half-year whose maintenance ledger is not confirmed is withheld', () => {
    const schedule = computeSchedule(
      preset.config,
      {
        periods: [
          {
            id: '2026-H1',
            score: '93.00',
            grade: 'A',
            assessedOn: '2026-07-10',
            validComplaints: 0,
            ledgerConfirmed: false,
          },
        ],
      },
      { asOf: '2026-12-31' },
    );
    const h1 = schedule.lines.find((l) => l.period === '2026-H1');
    expect(h1?.status).toBe('withheld');
    expect(h1?.net).toBe('7000.00');
  });
});

describe('scenario C′ — Qinghai: two consecutive monthly C grades (seed 002 lines 426, 432)', () => {
  const preset = getPreset('qinghai-hospital-3y');
  const h1Facts = {
    id: '2026-H1',
    score: '86.40',
    grade: 'B',
    assessedOn: '2026-07-10',
    validComplaints: 0,
    ledgerConfirmed: true,
  };
  const line = (months: { id: string; grade: string }[], period: string) =>
    computeSchedule(preset.config, { periods: [h1Facts, ...months] }, { asOf: '2026-12-31' }).lines.find(
      (l) => l.period === period,
    );

  it('C in April and May 2026 forfeits the H1 payment, with the alert in its formula', () => {
    const h1 = line(
      [
        { id: '2026-04', grade: 'C' },
        { id: '2026-05', grade: 'C' },
      ],
      '2026-H1',
    );
    expect(h1?.status).toBe('forfeited');
    const forfeit = h1?.deductions.find((d) => d.ruleId === 'consecutive-c');
    expect(forfeit?.amount).toBe('7000.00'); // the whole half-year payment
    expect(renderExplanation(forfeit?.formula, 'en')).toMatch(/^ALERT: 2026-04, 2026-05 graded C/);
  });

  it('C in March and May (not consecutive) forfeits nothing', () => {
    const h1 = line(
      [
        { id: '2026-03', grade: 'C' },
        { id: '2026-04', grade: 'B' },
        { id: '2026-05', grade: 'C' },
      ],
      '2026-H1',
    );
    expect(h1?.deductions.map((d) => d.ruleId)).not.toContain('consecutive-c');
    expect(h1?.net).toBe('6860.00'); // 7,000 − 2 % for grade B = 6,860
  });

  it('a run completed in July (June C, July C) forfeits H2, not H1', () => {
    const facts = [
      { id: '2026-06', grade: 'C' },
      { id: '2026-07', grade: 'C' },
    ];
    expect(line(facts, '2026-H1')?.deductions.map((d) => d.ruleId)).not.toContain('consecutive-c');
    expect(line(facts, '2026-H2')?.status).toBe('forfeited');
  });
});

describe('scenario D — Tianjin P8 (domain.md worked example D)', () => {
  const preset = getPreset('tianjin-2026-p8');

  it('four quarterly payments of 8,281.00; Q3 not qualified → withheld', () => {
    const schedule = computeSchedule(
      preset.config,
      {
        quarters: [
          { id: '2026-Q1', qualified: true },
          { id: '2026-Q2', qualified: true },
          { id: '2026-Q3', qualified: false },
          { id: '2026-Q4', qualified: true },
        ],
        acceptance: { passed: true, date: '2027-01-20' },
      },
      { asOf: '2027-01-31' },
    );
    expect(schedule.lines.map((l) => l.gross)).toEqual(['8281.00', '8281.00', '8281.00', '8281.00']); // 33,124 × 25 % = 8,281 each
    expect(schedule.lines.map((l) => l.dueDate)).toEqual(['2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31']); // quarter ends
    expect(schedule.lines.map((l) => l.status)).toEqual(['due', 'due', 'withheld', 'due']);
    expect(schedule.totals.withheld).toBe('8281.00'); // Q3
    expect(schedule.totals.outstanding).toBe('24843.00'); // 3 × 8,281
  });

  it('not accepted three months after the term: payments clawed back and a 15 % fine', () => {
    const schedule = computeSchedule(
      preset.config,
      {
        quarters: ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'].map((id) => ({ id, qualified: true })),
        payments: computeSchedule(preset.config, {}, { asOf: '2026-01-01' }).lines.map((l) => ({
          lineId: l.id,
          amount: '8281.00',
          paidOn: l.dueDate ?? '2026-12-31',
        })),
        acceptance: { passed: false },
      },
      { asOf: '2027-04-30' },
    );
    const clawback = schedule.lines.flatMap((l) => l.deductions).filter((d) => d.ruleId === 'acceptance-clawback');
    const total = clawback.reduce((a, d) => a.plus(dec(d.amount)), dec(0));
    // all 33,124.00 paid is recovered, plus 15 % × 33,124 = 4,968.60
    expect(total.toFixed(2)).toBe('38092.60');
    expect(schedule.vendorBalanceOwed).toBe('38092.60');
  });

  it('with the rate the buyer entered: interest on the contract amount, 日利率 = 年利率 ÷ 360 (004:3104, rule 17)', () => {
    const facts = (clawbackInterest: unknown) => ({
      quarters: ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'].map((id) => ({ id, qualified: true })),
      acceptance: { passed: false, clawbackInterest },
    });
    const interest = {
      annualRatePercent: '3.45',
      from: '2027-04-01',
      to: '2027-04-30',
      source: '一年期贷款市场报价利率（LPR）3.45 %，2027-03-20 公布',
    };
    const schedule = computeSchedule(preset.config, facts(interest), { asOf: '2027-04-30' });
    const hit = schedule.lines
      .flatMap((l) => l.deductions)
      .find((d) => d.ruleId === 'acceptance-clawback' && d.basis.days !== undefined);
    // 33,124.00 × 3.45 % ÷ 360 × 29 days (04-01 counted, 04-30 not) = 92.0571… → 92.06
    expect(hit).toMatchObject({ amount: '92.06' });
    expect(hit && renderExplanation(hit.formula, 'zh-CN')).toBe(
      '利息：截至 2027-03-31 未通过验收（服务期末 2026-12-31 + 3 个月）：33,124.00 × 年利率 3.45 % ÷ 360 × 29 天（2027-04-01 至 2027-04-30）= 92.06（利率依据：一年期贷款市场报价利率（LPR）3.45 %，2027-03-20 公布）',
    );
    // Without a rate no interest is computed: the seed gives none.
    const without = computeSchedule(preset.config, facts(undefined), { asOf: '2027-04-30' });
    expect(without.lines.flatMap((l) => l.deductions).some((d) => d.basis.days !== undefined)).toBe(false);
    expect(() =>
      computeSchedule(preset.config, facts({ ...interest, to: '2027-03-01' }), { asOf: '2027-04-30' }),
    ).toThrow(
      expect.objectContaining({
        problems: [
          expect.objectContaining({ path: 'facts.acceptance.clawbackInterest.to', code: 'date.endsBeforeStart' }),
        ],
      }),
    );
  });

  it('ranks the P8 bids with the procurement scheme (small/micro deduction, over-budget bid invalid)', () => {
    const scheme = preset.config.procurement as ProcurementSchemeInput;
    const flaws = (...n: number[]) => Object.fromEntries(n.map((f, i) => [`S${i + 1}`, { flaws: f }]));
    const result = scoreProcurement(scheme, {
      budget: '33124',
      bids: [
        // A: small enterprise, 30,000 → evaluated at 24,000; 3 contracts (cap 6), 2 certificates, PM and developer certificates, 3 qualified O&M staff, full commitment
        {
          bidderId: 'A',
          price: '30000',
          smallOrMicro: true,
          objective: { O1: 3, O2: 2, O3: 1, O4: 1, O5: 3, O6: true },
        },
        // B: 28,000; 2 contracts, 1 certificate, PM certificate, no developer title, 5 qualified staff (cap 4), full commitment
        {
          bidderId: 'B',
          price: '28000',
          smallOrMicro: false,
          objective: { O1: 2, O2: 1, O3: 1, O4: 0, O5: 5, O6: true },
        },
        // C: over the 33,124 budget → invalid
        {
          bidderId: 'C',
          price: '34000',
          smallOrMicro: false,
          objective: { O1: 3, O2: 2, O3: 1, O4: 1, O5: 4, O6: true },
        },
      ],
      sheets: [
        { evaluatorId: 'e1', bidderId: 'A', items: flaws(0, 1, 1, 0, 2, 1) }, // 9 + 6 + 9 + 9 + 6 + 6 = 45
        { evaluatorId: 'e2', bidderId: 'A', items: flaws(1, 0, 0, 1, 1, 0) }, // 6 + 9 + 12 + 6 + 9 + 9 = 51
        { evaluatorId: 'e3', bidderId: 'A', items: flaws(0, 1, 1, 1, 1, 1) }, // 9 + 6 + 9 + 6 + 9 + 6 = 45
        { evaluatorId: 'e1', bidderId: 'B', items: flaws(0, 0, 0, 0, 0, 0) }, // 60
        { evaluatorId: 'e2', bidderId: 'B', items: flaws(0, 0, 1, 0, 0, 0) }, // 57
        { evaluatorId: 'e3', bidderId: 'B', items: flaws(0, 0, 0, 0, 2, 0) }, // 54
        { evaluatorId: 'e1', bidderId: 'C', items: flaws(0, 0, 0, 0, 0, 0) },
        { evaluatorId: 'e2', bidderId: 'C', items: flaws(0, 0, 0, 0, 0, 0) },
        { evaluatorId: 'e3', bidderId: 'C', items: flaws(0, 0, 0, 0, 0, 0) },
      ],
    });
    const by = Object.fromEntries(result.bidders.map((b) => [b.bidderId, b]));
    expect(result.basePrice).toEqual({ bidderId: 'A', evaluatedPrice: '24000.00' }); // 30,000 × (1 − 20 %)
    expect(by.A.total).toBe('86.00'); // 10 (24,000 ÷ 24,000 × 10) + 29 (6 + 4 + 2 + 2 + 3 + 12) + 47 ((45 + 51 + 45) ÷ 3)
    expect(by.B.total).toBe('89.57'); // 8.5714… (24,000 ÷ 28,000 × 10) + 24 (4 + 2 + 2 + 0 + 4 + 12) + 57 ((60 + 57 + 54) ÷ 3)
    expect(by.C.valid).toBe(false); // 34,000 > 33,124
    expect(result.ranking.map((r) => r.bidderId)).toEqual(['B', 'A']);
  });
});

describe("SLA scenarios through the presets' policies and calendars", () => {
  type Ev = {
    kind: 'reported' | 'received' | 'responded' | 'on-site' | 'contained' | 'resolved' | 'feedback';
    at: string;
  };
  const run = (id: string, severity: string, events: Ev[], now: string) => {
    const cfg = getPreset(id).config as unknown as { calendar: CalendarConfigInput; sla: { policy: SlaPolicy } };
    const r = evaluateTicketSla({
      ticket: { severity, events },
      policy: cfg.sla.policy,
      calendar: buildCalendar(cfg.calendar),
      now,
    });
    return Object.fromEntries(
      r.targets.map((t) => [
        t.targetId,
        { status: t.status, elapsed: t.elapsedMinutes, breach: t.breachMinutes, deadline: t.deadline },
      ]),
    );
  };

  it('Xuzhou: a 四级 ticket answered in 4 min and on site in 50 min, but resolved after 5 h 10 min', () => {
    const r = run(
      'xuzhou-2026',
      'L4',
      [
        { kind: 'received', at: '2026-03-03T10:00:00+08:00' },
        { kind: 'responded', at: '2026-03-03T10:04:00+08:00' },
        { kind: 'feedback', at: '2026-03-03T16:00:00+08:00' },
        { kind: 'on-site', at: '2026-03-03T10:50:00+08:00' },
        { kind: 'resolved', at: '2026-03-03T15:10:00+08:00' },
      ],
      '2026-03-04T09:00:00+08:00',
    );
    expect(r['phone-response']).toMatchObject({ status: 'met', elapsed: 4 }); // ≤ 5 min
    expect(r['onsite-L4']).toMatchObject({ status: 'met', elapsed: 50 }); // ≤ 1 h
    expect(r['resolution-L4-L3']).toMatchObject({ status: 'breached', elapsed: 310, breach: 70 }); // 5 h 10 min − 4 h = 70 min
    expect(r.feedback).toMatchObject({ status: 'met', elapsed: 270 }); // working time: 10:00–12:00 (120) + 13:30–16:00 (150) ≤ 1 working day (450)
  });

  it('Xuzhou: feedback "within one working day" on the eve of the Spring Festival falls on the 补班 Saturday', () => {
    const r = run(
      'xuzhou-2026',
      'L1',
      [
        { kind: 'received', at: '2026-02-13T15:00:00+08:00' },
        { kind: 'feedback', at: '2026-02-24T09:00:00+08:00' },
      ],
      '2026-02-24T12:00:00+08:00',
    );
    // Fri 15:00 + one working day (450 working minutes) → Sat 2026-02-14 15:00, a make-up working day (补班)
    expect(r.feedback.deadline).toBe('2026-02-14T15:00:00+08:00');
    expect(r.feedback.status).toBe('breached');
  });

  it('Beijing: 5×8 working time — a Friday 16:00 fault at a quality-control centre is on site Monday 10:00, within 4 working hours', () => {
    const r = run(
      'beijing-2020',
      'commission',
      [
        { kind: 'reported', at: '2020-11-06T16:00:00+08:00' },
        { kind: 'received', at: '2020-11-06T16:20:00+08:00' },
        { kind: 'responded', at: '2020-11-06T16:45:00+08:00' },
        { kind: 'on-site', at: '2020-11-09T10:00:00+08:00' },
      ],
      '2020-11-09T12:00:00+08:00',
    );
    expect(r['substantive-response']).toMatchObject({ status: 'met', elapsed: 45 });
    expect(r['onsite-commission']).toMatchObject({ status: 'met', elapsed: 180 }); // Fri 16:00–17:30 (90) + Mon 08:30–10:00 (90)
  });

  it('Beijing: a grassroots institution visited on the third working day breaches the 2-working-day limit', () => {
    const r = run(
      'beijing-2020',
      'grassroots',
      [
        { kind: 'reported', at: '2020-10-29T14:00:00+08:00' },
        { kind: 'received', at: '2020-10-29T15:00:00+08:00' },
        { kind: 'on-site', at: '2020-11-03T09:00:00+08:00' },
      ],
      '2020-11-03T12:00:00+08:00',
    );
    // Thu 14:00–17:30 (210) + Fri (450) + Mon (450) + Tue 08:30–09:00 (30) = 1,140 working minutes; limit 2 × 450 = 900
    expect(r['onsite-grassroots']).toMatchObject({
      status: 'breached',
      elapsed: 1140,
      breach: 240,
      deadline: '2020-11-02T14:00:00+08:00',
    });
  });

  it('Qinghai: a 特大故障 on the Labour Day holiday — 7×24 clock, on site in 100 min, temporary recovery in 7 h 30 min', () => {
    const r = run(
      'qinghai-hospital-3y',
      'major',
      [
        { kind: 'reported', at: '2026-05-01T09:00:00+08:00' },
        { kind: 'received', at: '2026-05-01T09:01:00+08:00' },
        { kind: 'responded', at: '2026-05-01T09:05:00+08:00' },
        { kind: 'on-site', at: '2026-05-01T10:40:00+08:00' },
        { kind: 'contained', at: '2026-05-01T16:30:00+08:00' },
      ],
      '2026-05-01T18:00:00+08:00',
    );
    expect(r.response).toMatchObject({ status: 'met', elapsed: 5 }); // ≤ 10 min
    expect(r['onsite-major']).toMatchObject({ status: 'met', elapsed: 100 }); // ≤ 2 h
    expect(r['containment-major']).toMatchObject({ status: 'met', elapsed: 450 }); // ≤ 8 h
  });

  // Worked example G (domain.md rule 13): L1–L3 clocks on working time, L4 on 7×24 (000:78-79).
  it.each([
    ['L2', 'onsite-L2', '2026-10-10T11:30:00+08:00'], // Sat 10-10 is a make-up working day: 08:30 + 3 h
    ['L4', 'onsite-L4', '2026-10-09T19:00:00+08:00'], // 7×24: 18:00 + 1 h
    ['L2', 'phone-response', '2026-10-10T08:35:00+08:00'], // L1–L3 response on working time too
    ['L4', 'phone-response', '2026-10-09T18:05:00+08:00'],
  ])(
    'example G: Xuzhou %s received Fri 2026-10-09 18:00 (after hours) → %s deadline %s',
    (severity, target, deadline) => {
      for (const preset of ['xuzhou-2026', 'huaian-2025-2026']) {
        const r = run(
          preset,
          severity,
          [{ kind: 'received', at: '2026-10-09T18:00:00+08:00' }],
          '2026-10-09T18:00:00+08:00',
        );
        expect(r[target]).toMatchObject({ status: 'running', elapsed: 0, deadline });
      }
    },
  );

  it('Qinghai: the response clock runs from the report (002:137 接报修后), not from the vendor signing for it', () => {
    const r = run(
      'qinghai-hospital-3y',
      'fault',
      [
        { kind: 'reported', at: '2026-06-02T09:00:00+08:00' },
        { kind: 'received', at: '2026-06-02T09:20:00+08:00' },
        { kind: 'responded', at: '2026-06-02T09:25:00+08:00' },
      ],
      '2026-06-02T10:00:00+08:00',
    );
    // 25 min from the report (5 min from receipt): 15 min over the 10-minute limit.
    expect(r.response).toMatchObject({ status: 'breached', elapsed: 25, breach: 15 });
    expect(r['onsite-fault']).toMatchObject({ status: 'running', deadline: '2026-06-02T11:00:00+08:00' });
  });

  it('Tianjin P8: a Saturday-night 重大故障 answered in 10 min but contained after 40 min (limit 30)', () => {
    const r = run(
      'tianjin-2026-p8',
      'major',
      [
        { kind: 'received', at: '2026-07-04T22:10:00+08:00' },
        { kind: 'responded', at: '2026-07-04T22:20:00+08:00' },
        { kind: 'contained', at: '2026-07-04T22:50:00+08:00' },
      ],
      '2026-07-05T08:00:00+08:00',
    );
    expect(r.response).toMatchObject({ status: 'met', elapsed: 10 }); // ≤ 15 min
    expect(r['containment-major']).toMatchObject({ status: 'breached', elapsed: 40, breach: 10 }); // 40 − 30
  });
});

describe('Beijing 2020: no payment terms in the seed', () => {
  it('schedules nothing and says why', () => {
    const schedule = computeSchedule(getPreset('beijing-2020').config, {}, { asOf: '2020-12-31' });
    expect(schedule.lines).toEqual([]);
    expect(schedule.totals.gross).toBe('0.00');
    expect(schedule.notes.map((n) => renderExplanation(n, 'en')).join(' ')).toMatch(/no payment milestones/);
  });
});

describe('Tianjin, every package: quarterly instalments and a full-marks bid', () => {
  // 25 % of each package budget (seed 004 lines 17–24, 154); digest §5 table.
  const quarterly: [string, string][] = [
    ['tianjin-2026-p1', '172676.75'], // 690,707 ÷ 4
    ['tianjin-2026-p2', '69506.75'], // 278,027 ÷ 4
    ['tianjin-2026-p3', '94304.50'], // 377,218 ÷ 4
    ['tianjin-2026-p4', '69777.75'], // 279,111 ÷ 4
    ['tianjin-2026-p5', '107519.00'], // 430,076 ÷ 4
    ['tianjin-2026-p6', '75000.00'], // 300,000 ÷ 4
    ['tianjin-2026-p7', '312633.25'], // 1,250,533 ÷ 4
    ['tianjin-2026-p8', '8281.00'], // 33,124 ÷ 4
  ];
  it.each(quarterly)('%s pays four instalments of %s when every quarter is qualified', (id, each) => {
    const schedule = computeSchedule(
      getPreset(id).config,
      { quarters: ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'].map((q) => ({ id: q, qualified: true })) },
      { asOf: '2026-12-31' },
    );
    expect(schedule.lines.map((l) => l.gross)).toEqual([each, each, each, each]);
    expect(schedule.lines.every((l) => l.deductions.every((d) => d.amount === '0.00'))).toBe(true); // no KPI deductions exist
  });

  it.each(quarterly.map(([id]) => id))(
    '%s: the only bid, earning every objective point with no flaws, scores 100.00 (合计 100)',
    (id) => {
      const scheme = getPreset(id).config.procurement as unknown as {
        items: { id: string; kind: string; params: { unitPoints?: number; cap?: number } }[];
      };
      const objective: Record<string, unknown> = {};
      const items: Record<string, unknown> = {};
      for (const it of scheme.items) {
        if (it.kind === 'capped-count')
          objective[it.id] = Math.ceil(Number(it.params.cap) / Number(it.params.unitPoints));
        else if (it.kind === 'all-or-nothing') objective[it.id] = true;
        else items[it.id] = { flaws: 0 };
      }
      const budget = (getPreset(id).config.money.budget as string).replace(/\.00$/, '');
      const result = scoreProcurement(scheme as unknown as ProcurementSchemeInput, {
        budget,
        bids: [{ bidderId: 'X', price: budget, smallOrMicro: false, objective }],
        sheets: [{ evaluatorId: 'e1', bidderId: 'X', items }],
      });
      expect(result.bidders[0].total).toBe('100.00');
    },
  );
});
