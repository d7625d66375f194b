import type { ResolvedLine } from './rule-kit';

/** The last line of `year` (year-scoped deductions settle against it), else the last line of all. */
export function lastLineOfYear(lines: readonly ResolvedLine[], year: number): ResolvedLine | undefined {
  const inYear = lines.filter((l) => l.context.year === year);
  return inYear.length > 0 ? inYear[inYear.length - 1] : lines[lines.length - 1];
}

/** The first line due on or after `date` (unknown due dates count as later), else the last line. */
export function firstLineDueFrom(
  lines: readonly ResolvedLine[],
  date: string | undefined,
  exclude: ReadonlySet<string> = new Set(),
): ResolvedLine | undefined {
  const open = lines.filter((l) => !exclude.has(l.id));
  const pick = open.find((l) => date === undefined || l.dueDate === null || l.dueDate >= date);
  return pick ?? open[open.length - 1] ?? lines[lines.length - 1];
}
