import { format } from '../../i18n/messages';
import { at, type ConfigPath, getAt } from './config-path';
import type { FieldNode, FormNode, FormSection, GroupNode, ListNode } from './config-form-nodes';
import { type FormWords, type Item, items, nameOf, text } from './config-form-sections';
import { keyed, named, type ViewWords } from './config-words';
import { isRecord } from './contract-config-types';

type Words = { t: FormWords; w: ViewWords };

// ——— assessment: ladders (bands), choices, per-event points ———

/** A ladder's bands (`…bands`): label, bounds, points — or grade and pass for grade ladders. */
function bandsList(config: unknown, path: ConfigPath, name: string, t: FormWords, grades: boolean): ListNode {
  const bands = items(config, path);
  return {
    kind: 'list',
    path,
    heading: format(t.bands, { name }),
    empty: t.noBands,
    compact: true,
    add: {
      label: format(t.addBand, { name }),
      item: grades ? { grade: '', passes: false, label: t.newBand } : { points: 0, label: t.newBand },
    },
    items: bands.map((_, i): GroupNode => {
      const p = at(path, i);
      const n = i + 1;
      const fields: FieldNode[] = [
        { kind: 'text', path: at(p, 'label'), label: format(t.bandLabel, { name, n }), optional: true },
        {
          kind: 'bound',
          path: at(p, 'min'),
          label: format(t.bandMin, { name, n }),
          inclusiveLabel: t.inclusive,
          defaultInclusive: true,
          hint: t.boundHint,
        },
        {
          kind: 'bound',
          path: at(p, 'max'),
          label: format(t.bandMax, { name, n }),
          inclusiveLabel: t.inclusive,
          defaultInclusive: false,
          hint: t.boundHint,
        },
      ];
      if (grades)
        fields.push(
          { kind: 'text', path: at(p, 'grade'), label: format(t.bandGrade, { name, n }) },
          { kind: 'checkbox', path: at(p, 'passes'), label: format(t.bandPasses, { name, n }) },
        );
      else fields.push({ kind: 'number', path: at(p, 'points'), label: format(t.bandPoints, { name, n }) });
      return {
        kind: 'group',
        path: p,
        legend: format(t.bandLegend, { name, n }),
        remove: { list: path, index: i, label: format(t.removeItem, { name: format(t.bandLegend, { name, n }) }) },
        children: fields,
      };
    }),
  };
}

function componentNodes(config: unknown, c: Item, path: ConfigPath, name: string, t: FormWords): FormNode[] {
  const params = at(path, 'params');
  const nodes: FormNode[] = [
    { kind: 'text', path: at(path, 'label'), label: format(t.componentLabel, { name }), optional: true },
  ];
  switch (c.kind) {
    case 'banded':
      nodes.push(bandsList(config, at(params, 'bands'), name, t, false));
      break;
    case 'staff-average':
      items(config, at(params, 'parts')).forEach((part, i) => {
        nodes.push({
          kind: 'number',
          path: at(at(at(params, 'parts'), i), 'max'),
          label: format(t.partMax, { name, part: nameOf(t, part.label) }),
        });
      });
      if (getAt(config, at(params, 'flagBelow')) !== undefined)
        nodes.push({ kind: 'number', path: at(params, 'flagBelow.threshold'), label: format(t.flagBelow, { name }) });
      if (getAt(config, at(params, 'adjustment')) !== undefined)
        nodes.push(bandsList(config, at(params, 'adjustment.bands'), name, t, false));
      break;
    case 'choice-table': {
      const list = at(params, 'choices');
      nodes.push(
        { kind: 'text', path: at(params, 'question'), label: format(t.question, { name }) },
        {
          kind: 'list',
          path: list,
          heading: format(t.choices, { name }),
          empty: t.noChoices,
          compact: true,
          add: { label: format(t.addChoice, { name }), item: { value: t.newChoice, points: 0 } },
          items: items(config, list).map((_, i): GroupNode => {
            const p = at(list, i);
            const n = i + 1;
            return {
              kind: 'group',
              path: p,
              legend: format(t.choiceLegend, { name, n }),
              remove: { list, index: i, label: format(t.removeItem, { name: format(t.choiceLegend, { name, n }) }) },
              children: [
                { kind: 'text', path: at(p, 'value'), label: format(t.choiceValue, { name, n }) },
                { kind: 'number', path: at(p, 'points'), label: format(t.choicePoints, { name, n }) },
              ],
            };
          }),
        },
      );
      break;
    }
    case 'per-event':
      nodes.push({ kind: 'number', path: at(params, 'pointsPerEvent'), label: format(t.pointsPerEvent, { name }) });
      break;
    case 'item-average-grade':
      nodes.push(
        { kind: 'number', path: at(params, 'itemMax'), label: format(t.itemMax, { name }) },
        bandsList(config, at(params, 'grades'), name, t, true),
      );
      break;
    default:
      break; // a kind the form does not know: the expert editor edits it
  }
  return nodes;
}

export function assessmentSection(config: unknown, { t, w }: Words): FormSection {
  if (getAt(config, 'assessment') === undefined)
    return { id: 'assessment', heading: t.sectionAssessment, intro: w.noAssessment, nodes: [] };
  const nodes: FormNode[] = [];
  if (getAt(config, 'assessment.base') !== undefined)
    nodes.push({ kind: 'number', path: 'assessment.base', label: t.assessmentBase });
  if (getAt(config, 'assessment.clamp') !== undefined)
    nodes.push(
      { kind: 'number', path: 'assessment.clamp.min', label: t.clampMin },
      { kind: 'number', path: 'assessment.clamp.max', label: t.clampMax },
    );
  items(config, 'assessment.components').forEach((c, i) => {
    const path = at('assessment.components', i);
    const name = nameOf(t, c.label, named(w, 'kind', text(c.kind), ''));
    nodes.push({
      kind: 'group',
      path,
      legend: format(t.componentLegend, { name }),
      data: { component: String(i) },
      children: componentNodes(config, c, path, name, t),
    });
  });
  return { id: 'assessment', heading: t.sectionAssessment, nodes };
}

// ——— payment: milestones and deductions ———

/** A rule's parameters the form edits, by kind: plain numbers and decimals at `params.<key>`. */
const RULE_PARAMS: Readonly<Record<string, readonly string[]>> = {
  'quarterly-instalments': ['percentEach'],
  'per-period-share': ['percentOfYearFee'],
  percent: ['percent'],
  'per-point-below-threshold': ['threshold', 'perPoint'],
  'liquidated-damages': ['percentPerDay', 'capPercent'],
  'per-complaint': ['amountEach'],
  'complaint-threshold-percent': ['minComplaints', 'percent'],
  'consecutive-grade-forfeit': ['consecutive'],
  'acceptance-clawback': ['graceMonths', 'finePercent'],
};

function dueNodes(config: unknown, duePath: ConfigPath, name: string, t: FormWords): FieldNode[] {
  const due = getAt(config, duePath);
  if (!isRecord(due)) return [];
  if (due.kind === 'date') return [{ kind: 'date', path: at(duePath, 'date'), label: format(t.dueDate, { name }) }];
  if (due.kind === 'after')
    return [{ kind: 'number', path: at(duePath, 'months'), label: format(t.dueMonths, { name }), optional: true }];
  return [];
}

function ruleNodes(config: unknown, rule: Item, path: ConfigPath, name: string, { t, w }: Words): FormNode[] {
  const params = at(path, 'params');
  const kind = text(rule.kind);
  const nodes: FormNode[] = [
    { kind: 'text', path: at(path, 'label'), label: format(t.ruleLabel, { name }), optional: true },
  ];
  for (const key of RULE_PARAMS[kind] ?? []) {
    if (getAt(config, at(params, key)) === undefined) continue;
    nodes.push({
      kind: 'number',
      path: at(params, key),
      label: format(t.ruleParam, { name, param: named(w, 'param', key, w.otherParam) }),
    });
  }
  if (isRecord(getAt(config, at(params, 'cap'))))
    nodes.push({
      kind: 'number',
      path: at(params, 'cap.percent'),
      label: format(t.ruleParam, { name, param: t.capPercent }),
    });
  if (kind === 'absence-pro-rata') {
    nodes.push({
      kind: 'select',
      path: at(params, 'per'),
      label: format(t.ruleParam, { name, param: w.paramper }),
      choices: [
        { value: 'term', label: keyed(w, 'value', 'term') },
        { value: 'year', label: w.periodyear },
      ],
    });
  }
  nodes.push(...dueNodes(config, at(params, 'due'), name, t));
  if (kind === 'cumulative-target') {
    items(config, at(params, 'steps')).forEach((step, i) => {
      const p = at(at(params, 'steps'), i);
      const stepName = nameOf(t, step.label);
      nodes.push({
        kind: 'group',
        path: p,
        legend: format(t.stepLegend, { name, step: stepName }),
        children: [
          { kind: 'text', path: at(p, 'label'), label: format(t.stepLabel, { step: stepName }), optional: true },
          { kind: 'number', path: at(p, 'cumulativePercent'), label: format(t.stepPercent, { step: stepName }) },
          ...dueNodes(config, at(p, 'due'), stepName, t),
        ],
      });
    });
  }
  if (kind === 'grade-percent') {
    items(config, at(params, 'grades')).forEach((_, i) => {
      const p = at(at(params, 'grades'), i);
      const n = i + 1;
      nodes.push({
        kind: 'group',
        path: p,
        legend: format(t.gradeLegend, { name, n }),
        children: [
          { kind: 'text', path: at(p, 'grade'), label: format(t.gradeName, { name, n }) },
          { kind: 'number', path: at(p, 'percent'), label: format(t.gradePercent, { name, n }) },
          { kind: 'number', path: at(p, 'delayMonths'), label: format(t.gradeDelay, { name, n }) },
        ],
      });
    });
  }
  if (kind === 'consecutive-grade-forfeit' && getAt(config, at(params, 'grade')) !== undefined) {
    nodes.push({ kind: 'text', path: at(params, 'grade'), label: format(t.ruleParam, { name, param: w.paramgrade }) });
  }
  return nodes;
}

function rulesList(
  config: unknown,
  path: ConfigPath,
  heading: string,
  empty: string,
  words: Words,
  removable: boolean,
): ListNode {
  const { t, w } = words;
  return {
    kind: 'list',
    path,
    heading,
    empty,
    items: items(config, path).map((rule, i): GroupNode => {
      const p = at(path, i);
      const kind = named(w, 'rule', text(rule.kind), w.otherRule);
      const name = nameOf(t, rule.label, kind);
      return {
        kind: 'group',
        path: p,
        legend: format(t.ruleLegend, { kind, name }),
        data: { rule: text(rule.kind) },
        remove: removable ? { list: path, index: i, label: format(t.removeItem, { name }) } : undefined,
        children: ruleNodes(config, rule, p, name, words),
      };
    }),
  };
}

export function paymentSection(config: unknown, words: Words): FormSection {
  const { t } = words;
  return {
    id: 'payment',
    heading: t.sectionPayment,
    nodes: [
      // A milestone removed would leave part of the price unpaid: milestones change here, go in the expert editor.
      rulesList(config, 'payment.milestones', t.milestones, t.noMilestones, words, false),
      rulesList(config, 'payment.deductions', t.deductions, t.noDeductions, words, true),
    ],
  };
}
