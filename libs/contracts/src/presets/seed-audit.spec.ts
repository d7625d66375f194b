import fs from 'node:fs';
import path from 'node:path';
import { PRESET_IDS, getPreset } from './index';

/*
 * The seed audit as a test (issue 16, point 8). Every field a preset configures is either read by a computation
 * (a production file of the libraries that names it), shown as words (a console file that names it: labels, names,
 * descriptions), or listed below as PENDING with the work that will compute it. A field that is configured and read
 * by nothing fails here, so a figure can no longer be "captured but unused" silently; and a pending field that a
 * computation starts to read must leave the list (the list is compared exactly).
 *
 * Paths are the preset's leaf paths with list indices removed (`sla.policy.targets[].clock`). The parameters of a
 * rule kind are read by that kind's own file (one file per rule kind): `assessment.components[].params.bands` of a
 * `banded` component must be named in libs/scoring/src/rules/banded.rule.ts.
 */

const REPO_ROOT = path.resolve(__dirname, '../../../..');

type Role = 'computes' | 'shown';
type Reader = { role: Role; file: string; token?: string };

const lib = (file: string, token?: string): Reader => ({ role: 'computes', file, token });
const web = (file: string, token?: string): Reader => ({ role: 'shown', file, token });

const CONFIG = 'libs/contracts/src/config/validate-contract-config.ts';
const SLA = 'libs/sla/src/evaluate-ticket-sla.ts';
const LIFECYCLE = 'libs/contracts/src/tickets/lifecycle.ts';
const STAFFING = 'libs/contracts/src/staffing/staffing.ts';
const OBLIGATIONS = 'libs/contracts/src/reports/obligations.ts';
const ALLOWANCES = 'libs/contracts/src/staffing/allowances.ts';
const SCHEME = 'libs/scoring/src/scheme/assessment-scheme.ts';
const SCHEDULE = 'libs/contracts/src/payment/compute-schedule.ts';
const PROCUREMENT = 'libs/scoring/src/procurement/score-procurement.ts';
const KPIS = 'libs/contracts/src/tickets/ticket-kpis.ts';
const CONFIG_VIEW = 'apps/web/src/features/config/config-view-sections.tsx';
const SLA_VIEW = 'apps/web/src/features/config/config-view-sla.tsx';

/** Who reads each configured path. */
const READERS: Readonly<Record<string, Reader>> = {
  // The schema accepts version 1 only: a configuration of another version is refused.
  schemaVersion: lib('libs/contracts/src/config/contract-config.schema.ts', 'schemaVersion'),
  id: web(CONFIG_VIEW),
  name: web(CONFIG_VIEW),
  'parties.buyer': web(CONFIG_VIEW, 'buyer'),
  'parties.vendor': web(CONFIG_VIEW, 'vendor'),
  'money.amount': lib('libs/contracts/src/config/year-fees.ts', 'amount'),
  'money.budget': lib(CONFIG, 'budget'),
  // CNY only (the schema's literal): every amount is yuan and fen.
  'money.currency': lib('libs/contracts/src/config/contract-config.schema.ts', 'currency'),
  'money.annualSplit.mode': lib(CONFIG, 'annualSplit'),
  'term.start': lib('libs/contracts/src/config/periods.ts', 'start'),
  'term.end': lib('libs/contracts/src/config/periods.ts', 'end'),
  'term.signed': lib('libs/contracts/src/payment/due-date.ts', 'signed'),
  'calendar.timeZone': lib('libs/sla/src/work-calendar.ts', 'timeZone'),

  'staffing.roles[]': lib(STAFFING, 'roles'),
  'staffing.roles[].id': lib(STAFFING, 'roleId'),
  'staffing.roles[].name': web(CONFIG_VIEW, 'name'),
  'staffing.roles[].headcount': lib('libs/contracts/src/reports/attendance.ts', 'headcount'),
  'staffing.roles[].placement': lib(STAFFING, 'placement'),
  'staffing.roles[].coverage': lib(STAFFING, 'coverage'),
  'staffing.roles[].core': lib(STAFFING, 'core'),
  'staffing.roles[].countsForAttendance': lib('libs/contracts/src/reports/attendance.ts', 'countsForAttendance'),
  'staffing.roles[].qualifications': web(CONFIG_VIEW, 'qualifications'),
  'staffing.minimums[]': lib(STAFFING, 'minimums'),
  'staffing.minimums[].id': lib(STAFFING, 'id'),
  'staffing.minimums[].min': lib(STAFFING, 'min'),
  'staffing.minimums[].placement': lib(STAFFING, 'placement'),
  'staffing.minimums[].coverage': lib(STAFFING, 'coverage'),
  'staffing.minimums[].roles[]': lib(STAFFING, 'roles'),
  'staffing.minimums[].description': web(CONFIG_VIEW, 'description'),
  'staffing.turnoverCaps.core': lib(STAFFING, 'turnoverCaps'),
  'staffing.turnoverCaps.other': lib(STAFFING, 'turnoverCaps'),
  'staffing.replacement.noticeWorkingDays': lib(STAFFING, 'noticeWorkingDays'),
  'staffing.replacement.handoverWorkingDays': lib(STAFFING, 'handoverWorkingDays'),
  'staffing.allowances[].id': lib(ALLOWANCES, 'allowanceId'),
  'staffing.allowances[].description': lib(ALLOWANCES, 'description'),
  'staffing.allowances[].amount': lib(ALLOWANCES, 'amount'),
  'staffing.allowances[].unit': lib(ALLOWANCES, 'unit'),
  'staffing.allowances[].per': lib(ALLOWANCES, 'per'),
  // Free or not is said beside the usage (no seed prices work beyond an allowance: it is negotiated).
  'staffing.allowances[].free': web('apps/web/src/features/allowances/allowance-panel.tsx', 'free'),
  'staffing.holidayDuty.minOnDuty': lib('libs/contracts/src/reports/holiday-duty.ts', 'minOnDuty'),
  'staffing.holidayDuty.where': lib('libs/contracts/src/reports/holiday-duty.ts', 'where'),

  'sla.policy.severities[].id': lib(SLA, 'severities'),
  'sla.policy.severities[].name': web(SLA_VIEW, 'name'),
  'sla.policy.severities[].rank': lib('libs/sla/src/sla-policy.schema.ts', 'rank'),
  'sla.policy.targets[].id': lib(SLA, 'targetId'),
  'sla.policy.targets[].name': lib(SLA, 'name'),
  'sla.policy.targets[].severities[]': lib(SLA, 'severities'),
  'sla.policy.targets[].metric': lib(SLA, 'metric'),
  'sla.policy.targets[].stopEvent': lib(SLA, 'stopEvent'),
  'sla.policy.targets[].startsAt': lib('libs/sla/src/sla-policy.schema.ts', 'startsAt'),
  'sla.policy.targets[].clock': lib('libs/sla/src/sla-policy.schema.ts', 'clock'),
  'sla.policy.targets[].coverage[].clock': lib('libs/sla/src/sla-policy.schema.ts', 'coverage'),
  'sla.policy.targets[].coverage[].severities[]': lib('libs/sla/src/sla-policy.schema.ts', 'coverage'),
  'sla.policy.targets[].duration.minutes': lib(SLA, 'minutes'),
  'sla.policy.targets[].duration.workingDays': lib(SLA, 'workingDays'),
  'sla.policy.targets[].duration.mode': lib(SLA, 'mode'),
  'sla.process.closureAfterStableWorkingDays': lib(LIFECYCLE, 'closureAfterStableWorkingDays'),
  'sla.process.settlementPatchesNotBefore': lib(
    'libs/contracts/src/config/ticket-process.ts',
    'settlementPatchesNotBefore',
  ),

  'taxonomy.categories[]': lib(LIFECYCLE, 'categories'),
  'taxonomy.businessAreas[]': lib(LIFECYCLE, 'businessAreas'),
  'taxonomy.specialAttention.enabled': lib(LIFECYCLE, 'specialAttention'),
  'taxonomy.specialAttention.requiresExpectedCloseDate': lib(LIFECYCLE, 'requiresExpectedCloseDate'),

  'obligations[].id': lib(OBLIGATIONS, 'obligationId'),
  'obligations[].kind': lib(OBLIGATIONS, 'kind'),
  'obligations[].label': lib(OBLIGATIONS, 'label'),
  'obligations[].period': lib(OBLIGATIONS, 'period'),
  'obligations[].count': lib(OBLIGATIONS, 'count'),
  'obligations[].basis': lib('libs/contracts/src/reports/on-demand.ts', 'basis'),
  'obligations[].afterTerm.years': lib('libs/contracts/src/reports/on-demand.ts', 'afterTerm'),
  'obligations[].afterTerm.only': lib('libs/contracts/src/reports/on-demand.ts', 'only'),
  'obligations[].everyRequest': lib(OBLIGATIONS, 'everyRequest'),
  'obligations[].respondWithinDays': lib('libs/contracts/src/reports/on-demand.ts', 'respondWithinDays'),
  'obligations[].evidence': lib('libs/contracts/src/reports/monthly-report.schema.ts', 'evidence'),
  'obligations[].minParticipants': lib(OBLIGATIONS, 'minParticipants'),
  'obligations[].due.kind': lib(OBLIGATIONS, 'due'),
  'obligations[].due.day': lib(OBLIGATIONS, 'day'),
  'obligations[].due.event': lib(OBLIGATIONS, 'event'),
  'obligations[].due.workingDaysBefore': lib(OBLIGATIONS, 'workingDaysBefore'),
  'obligations[].due.minHolidayDays': lib(OBLIGATIONS, 'minHolidayDays'),

  'assessment.period': lib(SCHEME, 'period'),
  'assessment.base': lib(SCHEME, 'base'),
  'assessment.clamp.min': lib(SCHEME, 'clamp'),
  'assessment.clamp.max': lib(SCHEME, 'clamp'),
  'assessment.yearAggregation.kind': lib(SCHEME, 'yearAggregation'),
  'assessment.alerts[].code': lib(SCHEME, 'code'),
  'assessment.alerts[].message': lib(SCHEME, 'message'),
  'assessment.alerts[].scoreBelow': lib(SCHEME, 'scoreBelow'),
  'assessment.alerts[].gradeIn[]': lib(SCHEME, 'gradeIn'),
  'assessment.components[].id': lib(SCHEME, 'componentId'),
  'assessment.components[].kind': lib('libs/scoring/src/rules/registry.ts'),
  'assessment.components[].label': lib(SCHEME, 'label'),
  'assessment.components[].input': lib(SCHEME, 'input'),

  'payment.milestones[]': lib('libs/contracts/src/payment/plan.ts', 'milestones'),
  'payment.milestones[].id': lib(SCHEDULE, 'milestoneId'),
  'payment.milestones[].kind': lib('libs/contracts/src/payment/registry.ts'),
  'payment.milestones[].label': lib(SCHEDULE, 'label'),
  'payment.milestones[].conditions[]': lib(SCHEDULE, 'conditions'),
  'payment.milestones[].conditions[].kind': lib('libs/contracts/src/payment/conditions/registry.ts'),
  'payment.deductions[]': lib(SCHEDULE, 'deductions'),
  'payment.deductions[].id': lib(SCHEDULE, 'ruleId'),
  'payment.deductions[].kind': lib('libs/contracts/src/payment/registry.ts'),
  'payment.deductions[].label': lib(SCHEDULE, 'label'),

  'procurement.name': web('apps/web/src/features/procurement/procurement-scheme-table.tsx', 'name'),
  'procurement.totalPoints': lib('libs/scoring/src/procurement/procurement-scheme.ts', 'totalPoints'),
  'procurement.minValidBids': lib(PROCUREMENT, 'minValidBids'),
  'procurement.groupTotals.objective': lib('libs/scoring/src/procurement/procurement-scheme.ts', 'objective'),
  'procurement.groupTotals.subjective': lib('libs/scoring/src/procurement/procurement-scheme.ts', 'subjective'),
  'procurement.price.weight': lib('libs/scoring/src/procurement/price.rule.ts', 'weight'),
  'procurement.price.smallMicroDeduction': lib('libs/scoring/src/procurement/price.rule.ts', 'smallMicroDeduction'),
  'procurement.ranking.scoreBasis': lib(PROCUREMENT, 'scoreBasis'),
  'procurement.ranking.tiePrice': lib(PROCUREMENT, 'tiePrice'),
  'procurement.items[].id': lib(PROCUREMENT, 'itemId'),
  'procurement.items[].kind': lib('libs/scoring/src/procurement/registry.ts'),
  'procurement.items[].label': lib(PROCUREMENT, 'label'),

  'sla.kpis[].id': lib(KPIS, 'kpiId: kpi.id'),
  'sla.kpis[].name': lib(KPIS, 'kpi.name'),
  'sla.kpis[].metric': lib(KPIS, 'kpi.metric'),
  'sla.kpis[].minPercent': lib(KPIS, 'kpi.minPercent'),
  'sla.kpis[].period': lib(KPIS, 'kpi.period'),
  'sla.kpis[].categories[]': lib(KPIS, 'kpi.categories'),

  'acceptance.notes': web(CONFIG_VIEW, 'acceptance'),
  'acceptance.majorFailureSeverities[]': lib(
    'libs/contracts/src/acceptance/acceptance-timing.ts',
    'majorFailureSeverities',
  ),
  'acceptance.applyFromDaysBeforeEnd': lib(
    'libs/contracts/src/acceptance/acceptance-timing.ts',
    'applyFromDaysBeforeEnd',
  ),
  'acceptance.monthsWithoutMajorFailure': lib(
    'libs/contracts/src/acceptance/acceptance-timing.ts',
    'monthsWithoutMajorFailure',
  ),
};

/** The file of a rule kind, by the list its `params` sit in. */
const KIND_FILES: Readonly<Record<string, (kind: string) => string>> = {
  'assessment.components[]': (k) => `libs/scoring/src/rules/${k}.rule.ts`,
  'payment.milestones[]': (k) => `libs/contracts/src/payment/milestones/${k}.rule.ts`,
  'payment.deductions[]': (k) => `libs/contracts/src/payment/deductions/${k}.rule.ts`,
  'payment.milestones[].conditions[]': (k) => `libs/contracts/src/payment/conditions/${k}.condition.ts`,
  'procurement.items[]': (k) => `libs/scoring/src/procurement/${k}.rule.ts`,
};

/**
 * Configured and not yet computed: each with the work that will compute it (issue 16). Compared exactly with what
 * the presets configure and nothing reads, so the list cannot hide a new gap nor outlive a closed one.
 */
const PENDING: Readonly<Record<string, string>> = {
  'sla.process.feedbackWithinWorkingDays':
    "shown only: the feedback deadline is computed from the SLA target that repeats it (the process figure is the seed's wording)",
};

type Leaf = { pattern: string; path: string; kindFile?: string; token?: string };

/** The preset's leaves, with the rule kind's file for a parameter. */
function leavesOf(config: unknown): Leaf[] {
  const out: Leaf[] = [];
  const walk = (v: unknown, exact: string, pattern: string, kindOf?: { list: string; kind: string }): void => {
    if (Array.isArray(v)) {
      if (v.length === 0) out.push({ pattern: `${pattern}[]`, path: exact });
      v.forEach((x, i) => walk(x, `${exact}[${i}]`, `${pattern}[]`, kindOf));
      return;
    }
    if (v !== null && typeof v === 'object') {
      const rec = v as Record<string, unknown>;
      for (const [k, x] of Object.entries(rec)) {
        const p = pattern ? `${pattern}.${k}` : k;
        const e = exact ? `${exact}.${k}` : k;
        if (k === 'params' && typeof rec.kind === 'string' && KIND_FILES[pattern]) {
          // A rule kind's parameter: read by the kind's own file, named there.
          for (const key of Object.keys(x as Record<string, unknown>))
            out.push({
              pattern: `${p}.${key}`,
              path: `${e}.${key}`,
              kindFile: KIND_FILES[pattern](rec.kind),
              token: key,
            });
        } else if (!(pattern === '' && (k === 'notes' || k === 'sources'))) walk(x, e, p, kindOf);
      }
      return;
    }
    out.push({ pattern, path: exact });
  };
  walk(config, '', '');
  return out;
}

const fileText = new Map<string, string>();
function read(file: string): string | undefined {
  if (!fileText.has(file)) {
    const abs = path.join(REPO_ROOT, file);
    fileText.set(file, fs.existsSync(abs) ? fs.readFileSync(abs, 'utf8') : '');
  }
  return fileText.get(file) || undefined;
}
const names = (text: string, token: string): boolean => new RegExp(`\\b${token}\\b`).test(text);

const presets = PRESET_IDS.map((id) => ({ id, leaves: leavesOf(getPreset(id).config) }));

describe('the seed audit: every configured field is read by a computation, shown as words, or pending', () => {
  it('each reader is a production file that names the field (computations in the libraries, words in the console)', () => {
    const wrong: string[] = [];
    for (const [pattern, r] of Object.entries(READERS)) {
      const text = read(r.file);
      if (!text || /\.spec\./.test(r.file)) wrong.push(`${pattern}: ${r.file} missing`);
      else if (r.token && !names(text, r.token)) wrong.push(`${pattern}: ${r.file} never names ${r.token}`);
      if (r.role === 'computes' && !r.file.startsWith('libs/')) wrong.push(`${pattern}: a computation outside libs/`);
      if (r.role === 'shown' && !r.file.startsWith('apps/web/')) wrong.push(`${pattern}: shown outside the console`);
    }
    expect(wrong).toEqual([]);
  });

  it.each(presets.map((p) => [p.id, p.leaves] as const))(
    '%s: no field is configured and read by nothing',
    (_id, leaves) => {
      const unread = leaves.flatMap((l) => {
        if (l.kindFile) {
          const text = read(l.kindFile);
          if (!text) return [`${l.path}: no file ${l.kindFile} for its kind`];
          return names(text, l.token ?? '') ? [] : [`${l.path}: ${l.kindFile} never names ${l.token}`];
        }
        return READERS[l.pattern] || PENDING[l.pattern] ? [] : [`${l.path} (${l.pattern})`];
      });
      expect(unread).toEqual([]);
    },
  );

  it('the pending list is exactly what the presets configure and nothing computes yet', () => {
    const configured = new Set(presets.flatMap((p) => p.leaves.map((l) => l.pattern)));
    const pendingConfigured = Object.keys(PENDING).filter((p) => configured.has(p));
    expect(pendingConfigured.sort()).toEqual(Object.keys(PENDING).sort());
    // A pending field must not also have a reader: once one computes it, it leaves the list.
    expect(Object.keys(PENDING).filter((p) => READERS[p])).toEqual([]);
  });

  // Per seed: every figure a preset cites from its seed line, with the code that consumes it.
  const readerOf = (l: Leaf): string =>
    l.kindFile ?? READERS[l.pattern]?.file ?? (PENDING[l.pattern] ? `pending: ${PENDING[l.pattern]}` : 'nothing');
  const cited = PRESET_IDS.flatMap((id) => {
    const config = getPreset(id).config;
    const leaves = leavesOf(config);
    return (config.sources ?? []).map((s) => {
      // A source names a leaf, a list item / object whose leaves it stands for (`staffing.roles[1]`), or a figure
      // inside a rule kind's parameter (`…params.bands[0].points`: the kind's file reads `bands`).
      const within = (a: string, b: string): boolean => a === b || a.startsWith(`${b}.`) || a.startsWith(`${b}[`);
      const under = leaves.filter(
        (l) => within(l.path, s.path) || (l.kindFile !== undefined && within(s.path, l.path)),
      );
      const readers = [...new Set(under.map(readerOf))].join(' | ') || 'nothing';
      return [id, s.path, `${s.seed.replace(/_.*$/, '')}:${s.line}`, readers] as const;
    });
  });

  it.each(cited)('%s %s (seed %s) → %s', (_id, _path, _line, readers) => {
    expect(readers.split(' | ')).not.toContain('nothing');
    for (const r of readers.split(' | ')) if (!r.startsWith('pending:')) expect(read(r)).toBeDefined();
  });
});
