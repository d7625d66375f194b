import type { ReactNode } from 'react';
import { format } from '../../i18n/i18n';
import { type Band, type ComponentView, isRecord, type SlaDuration } from './contract-config-types';
import { keyed, named, type ViewWords as T } from './config-words';

export const DEFAULT_HOURS = [
  { start: '08:30', end: '12:00' },
  { start: '13:30', end: '17:30' },
];

export function durationText(t: T, d: SlaDuration): string {
  if (d.workingDays !== undefined)
    return format(d.mode === 'end-of-day' ? t.workingDaysEndOfDay : t.workingDays, { n: d.workingDays });
  if (d.minutes === undefined) return '—';
  return d.minutes >= 60 && d.minutes % 60 === 0
    ? format(t.hours, { n: d.minutes / 60 })
    : format(t.minutes, { n: d.minutes });
}

/** A configuration value in words: the known values from the dictionary ("year-fee" → 年服务费), numbers as they are. */
function valueWord(t: T, key: string, v: unknown): string {
  if (typeof v === 'boolean') return v ? t.yes : t.no;
  if (typeof v === 'string') return keyed(t, 'value', v);
  return `${String(v)}${/percent/i.test(key) ? ' %' : ''}`;
}

/** One parameter value as short text: when it is due, a cap, grade deductions, or a plain value. */
function valueText(t: T, key: string, v: unknown): string {
  if (key === 'due' && isRecord(v)) {
    if (v.kind === 'date' && typeof v.date === 'string') return v.date;
    const event = keyed(t, 'value', String(v.event ?? ''));
    return v.months !== undefined
      ? format(t.dueAfterMonths, { event, months: String(v.months) })
      : format(t.dueAfter, { event });
  }
  if (key === 'cap' && isRecord(v))
    return format(t.capOf, { of: keyed(t, 'value', String(v.of ?? '')), percent: String(v.percent ?? '') });
  if (key === 'grades' && Array.isArray(v)) {
    return v
      .filter(isRecord)
      .map((g) =>
        format(t.gradeDeduction, {
          grade: String(g.grade ?? ''),
          percent: String(g.percent ?? ''),
          months: String(g.delayMonths ?? 0),
        }),
      )
      .join('；');
  }
  if (Array.isArray(v)) return v.map((x) => valueText(t, key, x)).join('、');
  if (isRecord(v))
    return Object.entries(v)
      .map(([k, x]) => `${paramLabel(t, k)} ${valueText(t, k, x)}`)
      .join('，');
  return valueWord(t, key, v);
}

/** A parameter's name in words; one the dictionary does not know is "other parameter", never its key. */
function paramLabel(t: T, key: string): string {
  const k = `param${key}` as keyof T;
  return k in t ? t[k] : t.otherParam;
}

/** A rule's parameters as short text, each named in words. */
export function paramsText(t: T, params: Record<string, unknown> | undefined): string {
  if (!params) return '';
  return Object.entries(params)
    .filter(([k]) => k !== 'steps')
    .map(([k, v]) => `${paramLabel(t, k)}：${valueText(t, k, v)}`)
    .join('；');
}

function bandText(t: T, b: Band): string {
  return format(t.bandLine, {
    label: b.label ?? `${b.min?.value ?? ''}–${b.max?.value ?? ''}`,
    points: String(b.points ?? ''),
  });
}

export function list<X>(items: X[] | undefined): X[] {
  return Array.isArray(items) ? items : [];
}

/** What an assessment component scores and how much each part weighs, by rule kind. */
export function componentRule(t: T, c: ComponentView): ReactNode {
  const p = c.params ?? {};
  switch (c.kind) {
    case 'staff-average': {
      const parts = list(p.parts as { id: string; label?: string; max: number | string }[] | undefined);
      const bonus = p.taskBonus as { min: number | string; max: number | string } | undefined;
      const bands = list((p.adjustment as { bands?: Band[] } | undefined)?.bands);
      return (
        <>
          {[
            ...parts.map((x) => format(t.partLine, { label: x.label ?? x.id, max: String(x.max) })),
            ...(bonus ? [format(t.taskBonus, { min: String(bonus.min), max: String(bonus.max) })] : []),
          ].join('；')}
          {bands.length ? (
            <ul>
              {bands.map((b, i) => (
                <li key={i}>{bandText(t, b)}</li>
              ))}
            </ul>
          ) : null}
        </>
      );
    }
    case 'per-event':
      return format(t.perEvent, { points: String(p.pointsPerEvent ?? ''), event: String(p.event ?? '') });
    case 'choice-table':
      return list(p.choices as { value: string; points: number | string }[] | undefined)
        .map((x) => format(t.choiceLine, { value: x.value, points: String(x.points) }))
        .join('；');
    case 'banded':
      return (
        <ul>
          {list(p.bands as Band[] | undefined).map((b, i) => (
            <li key={i}>{bandText(t, b)}</li>
          ))}
        </ul>
      );
    case 'item-average-grade': {
      const items = list(p.items as { id: string; label?: string }[] | undefined);
      return (
        <>
          {format(t.itemsLine, {
            n: items.length,
            max: String(p.itemMax ?? ''),
            items: items.map((x) => x.label ?? x.id).join('、'),
          })}
          <ul>
            {list(p.grades as Band[] | undefined).map((g, i) => (
              <li key={i}>{format(t.gradeLine, { grade: g.grade ?? '', label: g.label ?? '' })}</li>
            ))}
          </ul>
        </>
      );
    }
    default:
      return paramsText(t, p);
  }
}

export function conditionsText(t: T, conditions: Record<string, unknown>[] | undefined): string | null {
  const items = list(conditions);
  if (!items.length) return null;
  return format(t.conditions, {
    list: items
      .map((c) => format(named(t, 'condition', String(c.kind ?? ''), t.otherCondition), { min: String(c.min ?? '') }))
      .join('；'),
  });
}
