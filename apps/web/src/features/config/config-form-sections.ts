import { format } from '../../i18n/messages';
import { at, type ConfigPath, freshId, getAt } from './config-path';
import type { Choice, FieldNode, FormNode, FormSection, GroupNode } from './config-form-nodes';
import { keyed, type ViewWords } from './config-words';
import { isRecord } from './contract-config-types';
import type { contractConfigFormMessages } from './contract-config-form-messages';

/** The form's own words (labels, headings) in the current language. */
export type FormWords = Readonly<Record<keyof (typeof contractConfigFormMessages)['en'], string>>;

type Words = { t: FormWords; w: ViewWords };
export type Item = Record<string, unknown>;

/** The objects of the list at `path` (anything else in it reads as empty). */
export function items(config: unknown, path: ConfigPath): Item[] {
  const v = getAt(config, path);
  return Array.isArray(v) ? v.map((x) => (isRecord(x) ? x : {})) : [];
}

export function text(v: unknown): string {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
}

/** An item's name for labels: what the buyer typed, else the form's "(unnamed)" (never an id). */
export function nameOf(t: FormWords, ...candidates: unknown[]): string {
  for (const c of candidates) if (text(c).trim()) return text(c).trim();
  return t.unnamed;
}

function choices(values: readonly string[], label: (v: string) => string): Choice[] {
  return values.map((value) => ({ value, label: label(value) }));
}

const PLACEMENTS = ['on-site', 'local', 'remote', 'offshore'] as const;
const COVERAGES = ['5x8', '7x24'] as const;
const METRICS = ['response', 'on-site', 'containment', 'resolution', 'feedback', 'closure'] as const;
const STOP_EVENTS = ['responded', 'on-site', 'contained', 'resolved', 'closed', 'feedback'] as const;

/** The form's word for a configuration value (`on-site` → stoponsite). */
function formWord(t: FormWords, prefix: string, value: string): string {
  const key = `${prefix}${value.replace(/-/g, '')}`;
  return key in t ? t[key as keyof FormWords] : t.unnamed;
}

function coverageWord(t: FormWords, v: string): string {
  return v === '7x24' ? t.coverage7x24 : t.coverage5x8;
}

// ——— amount and term ———

function basics({ t }: Words): FormSection {
  return {
    id: 'basics',
    heading: t.sectionBasics,
    nodes: [
      { kind: 'text', path: 'money.amount', label: t.amount, hint: t.amountHint },
      { kind: 'date', path: 'term.start', label: t.termStart },
      { kind: 'date', path: 'term.end', label: t.termEnd },
    ],
  };
}

// ——— staffing ———

function staffing(config: unknown, { t, w }: Words): FormSection {
  const placements = choices(PLACEMENTS, (v) => keyed(w, 'placement', v));
  const coverages = choices(COVERAGES, (v) => coverageWord(t, v));
  const roles = items(config, 'staffing.roles');
  const minimums = items(config, 'staffing.minimums');
  const nodes: FormNode[] = [
    {
      kind: 'list',
      path: 'staffing.roles',
      heading: t.roles,
      empty: t.noRoles,
      add: {
        label: t.addRole,
        item: {
          id: freshId(roles, 'role'),
          name: t.newRole,
          headcount: 1,
          placement: 'on-site',
          coverage: '5x8',
          core: false,
          countsForAttendance: true,
        },
      },
      items: roles.map((r, i): GroupNode => {
        const path = at('staffing.roles', i);
        const name = nameOf(t, r.name);
        return {
          kind: 'group',
          path,
          legend: format(t.roleLegend, { name }),
          data: { role: String(i) },
          remove: { list: 'staffing.roles', index: i, label: format(t.removeItem, { name }) },
          children: [
            { kind: 'text', path: at(path, 'name'), label: format(t.roleName, { name }) },
            { kind: 'number', path: at(path, 'headcount'), label: format(t.roleHeadcount, { name }) },
            {
              kind: 'select',
              path: at(path, 'placement'),
              label: format(t.rolePlacement, { name }),
              choices: placements,
            },
            { kind: 'select', path: at(path, 'coverage'), label: format(t.roleCoverage, { name }), choices: coverages },
            { kind: 'checkbox', path: at(path, 'core'), label: format(t.roleCore, { name }) },
            { kind: 'checkbox', path: at(path, 'countsForAttendance'), label: format(t.roleAttendance, { name }) },
            {
              kind: 'text',
              path: at(path, 'qualifications'),
              label: format(t.roleQualifications, { name }),
              optional: true,
            },
          ],
        };
      }),
    },
    {
      kind: 'list',
      path: 'staffing.minimums',
      heading: t.minimums,
      empty: t.noMinimums,
      add: { label: t.addMinimum, item: { id: freshId(minimums, 'minimum'), description: t.newMinimum, min: 1 } },
      items: minimums.map((m, i): GroupNode => {
        const path = at('staffing.minimums', i);
        const name = nameOf(t, m.description);
        return {
          kind: 'group',
          path,
          legend: format(t.minimumLegend, { name }),
          remove: { list: 'staffing.minimums', index: i, label: format(t.removeItem, { name }) },
          children: [
            {
              kind: 'text',
              path: at(path, 'description'),
              label: format(t.minimumDescription, { name }),
              optional: true,
            },
            { kind: 'number', path: at(path, 'min'), label: format(t.minimumMin, { name }) },
            {
              kind: 'select',
              path: at(path, 'placement'),
              label: format(t.minimumPlacement, { name }),
              choices: placements,
              blank: t.anyValue,
            },
            {
              kind: 'select',
              path: at(path, 'coverage'),
              label: format(t.minimumCoverage, { name }),
              choices: coverages,
              blank: t.anyValue,
            },
          ],
        };
      }),
    },
  ];
  // Rules the contract has; the form edits them, the expert editor adds new kinds.
  if (getAt(config, 'staffing.holidayDuty') !== undefined)
    nodes.push({ kind: 'number', path: 'staffing.holidayDuty.minOnDuty', label: t.holidayMin });
  if (getAt(config, 'staffing.turnoverCaps') !== undefined) {
    nodes.push(
      { kind: 'number', path: 'staffing.turnoverCaps.core', label: t.turnoverCore },
      { kind: 'number', path: 'staffing.turnoverCaps.other', label: t.turnoverOther },
    );
  }
  if (getAt(config, 'staffing.replacement') !== undefined) {
    nodes.push(
      { kind: 'number', path: 'staffing.replacement.noticeWorkingDays', label: t.replacementNotice },
      { kind: 'number', path: 'staffing.replacement.handoverWorkingDays', label: t.replacementHandover },
    );
  }
  return { id: 'staffing', heading: t.sectionStaffing, nodes };
}

// ——— SLA limits ———

function sla(config: unknown, { t, w }: Words): FormSection {
  const severities = items(config, 'sla.policy.severities');
  const severityChoices = severities.map((s) => ({ value: text(s.id), label: nameOf(t, s.name, s.id) }));
  const targets = items(config, 'sla.policy.targets');
  if (getAt(config, 'sla.policy') === undefined) return { id: 'sla', heading: t.sectionSla, intro: t.noSla, nodes: [] };
  const metrics = choices(METRICS, (v) => (v === 'closure' ? t.metricclosure : keyed(w, 'metric', v)));
  const stops = choices(STOP_EVENTS, (v) => formWord(t, 'stop', v));
  const clocks = [
    { value: 'calendar', label: t.clockcalendar },
    { value: 'working', label: t.clockworking },
  ];
  const units: Choice[] = [
    { value: 'minutes', label: t.unitminutes },
    { value: 'workingDays', label: t.unitworkingDays },
  ];
  const modes: Choice[] = [
    { value: 'elapsed', label: t.modeelapsed },
    { value: 'end-of-day', label: t.modeendofday },
  ];
  const first = severityChoices[0]?.value;
  return {
    id: 'sla',
    heading: t.sectionSla,
    nodes: [
      {
        kind: 'list',
        path: 'sla.policy.targets',
        heading: t.targetsHeading,
        empty: t.noSla,
        add: {
          label: t.addTarget,
          item: {
            id: freshId(targets, 'target'),
            name: t.newTarget,
            severities: first ? [first] : [],
            metric: 'resolution',
            stopEvent: 'resolved',
            clock: 'working',
            duration: { minutes: 240 },
          },
        },
        items: targets.map((target, i): GroupNode => {
          const path = at('sla.policy.targets', i);
          const name = nameOf(t, target.name);
          const severityNames = (Array.isArray(target.severities) ? target.severities : []).map(
            (s) => severityChoices.find((c) => c.value === s)?.label ?? text(s),
          );
          const children: FieldNode[] = [
            { kind: 'text', path: at(path, 'name'), label: format(t.targetName, { name }) },
            {
              kind: 'multi',
              path: at(path, 'severities'),
              label: format(t.targetSeverities, { name }),
              choices: severityChoices,
            },
            { kind: 'select', path: at(path, 'metric'), label: format(t.targetMetric, { name }), choices: metrics },
            { kind: 'select', path: at(path, 'stopEvent'), label: format(t.targetStopEvent, { name }), choices: stops },
            {
              kind: 'select',
              path: at(path, 'startsAt'),
              label: format(t.startsAt, { name }),
              blank: t.startsAtreceived,
              choices: [{ value: 'reported', label: t.startsAtreported }],
            },
            // A clock per severity (coverage) is edited entry by entry; its entries are added in the JSON view.
            ...(Array.isArray(target.coverage)
              ? items(target, 'coverage').map((c, j): FieldNode => ({
                  kind: 'select',
                  path: at(at(at(path, 'coverage'), j), 'clock'),
                  label: format(t.coverageClock, {
                    name,
                    severities: (Array.isArray(c.severities) ? c.severities : [])
                      .map((s: unknown) => severityChoices.find((x) => x.value === s)?.label ?? text(s))
                      .join(t.separator),
                  }),
                  choices: clocks,
                }))
              : [
                  {
                    kind: 'select',
                    path: at(path, 'clock'),
                    label: format(t.clock, { name }),
                    choices: clocks,
                  } as const,
                ]),
            {
              kind: 'duration',
              path: at(path, 'duration'),
              label: format(t.duration, { name }),
              unitLabel: format(t.unit, { name }),
              modeLabel: format(t.mode, { name }),
              units,
              modes,
            },
          ];
          return {
            kind: 'group',
            path,
            legend: format(t.targetLegend, { name, severities: severityNames.join(t.separator) || '—' }),
            data: { target: String(i) },
            remove: { list: 'sla.policy.targets', index: i, label: format(t.removeItem, { name }) },
            children,
          };
        }),
      },
    ],
  };
}

export { basics as basicsSection, staffing as staffingSection, sla as slaSection };
