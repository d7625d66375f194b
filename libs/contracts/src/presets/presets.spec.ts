import * as fs from 'fs';
import * as path from 'path';
import { dec } from '@ledger/kernel';
import { validateCalendarConfig, validateSlaPolicy } from '@ledger/sla';
import { validateAssessmentScheme, validateProcurementScheme } from '@ledger/scoring';
import { validateContractConfig } from '../config/validate-contract-config';
import { getPreset, PRESET_IDS, PRESETS } from './index';
import {
  derivationLiterals,
  evaluateDerivation,
  lineHasNumber,
  lineHasQuote,
  numericLeaves,
  parseDerivedNote,
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
    if (src.quote !== undefined && !win.some((l) => lineHasQuote(l, src.quote as string))) {
      failures.push(`${where}: quote "${src.quote}" is not on the line or its neighbours`);
    }
    const value = values.get(src.path);
    if (value === undefined) continue; // a source for a non-numeric value (a date, a text): the quote is checked above
    if (win.some((l) => lineHasNumber(l, value))) continue;
    const pathNotes = notes.filter((n) => n.path === src.path);
    if (src.path.endsWith('.rank') && pathNotes.some((n) => n.text.startsWith('ordinal:'))) continue;
    const derived = pathNotes.map((n) => parseDerivedNote(n.text)).find((d) => d !== null);
    if (derived) {
      const v = evaluateDerivation(derived.expr);
      if (!v.eq(value) || !derived.value.eq(value)) {
        failures.push(`${where}: derivation "${derived.expr}" = ${v.toString()}, not ${value.toString()}`);
        continue;
      }
      const citedLines = sources.filter((s) => s.path === src.path).flatMap((s) => window(s));
      const unfound = derivationLiterals(derived.expr).filter((lit) => !citedLines.some((l) => lineHasNumber(l, lit)));
      if (unfound.length > 0) failures.push(`${where}: derivation literal(s) ${unfound.join(', ')} not on any cited line`);
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
      throw new Error(`${id} has ${r.problems.length} problem(s):\n${r.problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
    }
    expect(r.ok).toBe(true);
  });

  it('its sections validate with the sla and scoring libraries\' own validators', () => {
    // validateContractConfig wires these in as the libraries publish them; checked here directly as well.
    const cfg = raw(id) as Record<string, unknown>;
    const sla = cfg.sla as { policy?: unknown } | undefined;
    const problems = [
      ...(cfg.calendar !== undefined ? validateCalendarConfig(cfg.calendar).map((p) => `calendar.${p.path}: ${p.message}`) : []),
      ...(sla?.policy !== undefined ? validateSlaPolicy(sla.policy).map((p) => `sla.policy.${p.path}: ${p.message}`) : []),
      ...(cfg.assessment !== undefined ? validateAssessmentScheme(cfg.assessment).map((p) => `assessment.${p.path}: ${p.message}`) : []),
      ...(cfg.procurement !== undefined ? validateProcurementScheme(cfg.procurement).map((p) => `procurement.${p.path}: ${p.message}`) : []),
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

  it('explains every derived number and every unnumbered rank with a well-formed note', () => {
    const cfg = raw(id);
    const values = new Map(numericLeaves(cfg).map((l) => [l.path, l.value]));
    for (const n of cfg.notes ?? []) {
      expect(n.text.trim().length).toBeGreaterThan(0);
      const d = parseDerivedNote(n.text);
      if (n.text.startsWith('derived:')) {
        expect(d).not.toBeNull();
        expect(values.get(n.path)?.toString()).toBe(d?.value.toString());
      }
    }
  });
});

describe('the source check can fail', () => {
  const seedOnly = seedsPresent ? it : it.skip;
  seedOnly('reports a figure that is not on its cited line', () => {
    const cfg = JSON.parse(JSON.stringify(raw('xuzhou-2026'))) as Raw;
    (cfg.money as { budget: string }).budget = '2500000.00';
    expect(sourceFailures(cfg)).toEqual([expect.stringContaining('money.budget → 000_f7ba827fd35ca96b.txt:5: 2500000')]);
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
    expect(lineHasQuote('现场派驻9名技术人员，指定其中1人为项目经理。', '现场派驻 9 名技术人员')).toBe(true);
    expect(lineHasQuote('现场派驻9名技术人员', '现场派驻8名')).toBe(false);
    expect(evaluateDerivation('1740000 * 12 / 18').toString()).toBe('1160000');
    expect(() => evaluateDerivation('1 + x')).toThrow();
  });
});
