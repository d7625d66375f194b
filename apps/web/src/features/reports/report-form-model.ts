import type { GqlProblem, GraphqlRequestError } from '../../api/graphql-client';
import { problemsOf } from '../../components/query-state';
import type { AttendanceRow } from './attendance-grid';
import type { Delivery, MonthlyReport, ReportContent, RosterMember, ServiceEvent } from './report-queries';

/** The form's rows: text fields as typed, turned into the API's shape by `toReport`. */
export type DeliveryRow = {
  obligationId: string;
  deliveredOn: string;
  for: string;
  evidence: string;
  participants: string;
};
export type EventRow = {
  id: string;
  kind: string;
  from: string;
  to: string;
  description: string;
  obligationId: string;
};

/** Who was on duty, by non-working date, as typed ("张工，李工"). */
export type DutyRows = Record<string, string>;

export const dutyRowsOf = (report: MonthlyReport | null): DutyRows =>
  Object.fromEntries((report?.report.holidayDuty ?? []).map((d) => [d.date, d.people.join('，')]));

export const deliveryRowsOf = (report: MonthlyReport | null): DeliveryRow[] =>
  (report?.report.deliveries ?? []).map((d) => ({
    obligationId: d.obligationId,
    deliveredOn: d.deliveredOn,
    for: d.for ?? '',
    evidence: d.evidence.join(', '),
    participants: d.participants === undefined ? '' : String(d.participants),
  }));

export const eventRowsOf = (report: MonthlyReport | null): EventRow[] =>
  (report?.report.serviceEvents ?? []).map((e) => ({
    id: e.id,
    kind: e.kind,
    from: e.from,
    to: e.to ?? '',
    description: e.description,
    obligationId: e.obligationId ?? '',
  }));

const overlaps = (m: RosterMember, month: string) =>
  m.fromDate.slice(0, 7) <= month && (m.toDate === null || m.toDate.slice(0, 7) >= month);

export function rowsFrom(report: MonthlyReport | null, roster: RosterMember[], month: string): AttendanceRow[] {
  const rows: AttendanceRow[] = (report?.report.attendance ?? []).map((a) => ({
    personId: a.personId,
    name: a.name ?? '',
    roleId: a.roleId,
    dates: a.dates ?? [],
    daysPresent: a.dates ? '' : (a.daysPresent ?? ''),
  }));
  const known = new Set(rows.map((r) => r.personId));
  for (const m of roster)
    if (overlaps(m, month) && !known.has(m.personId))
      rows.push({ personId: m.personId, name: m.name, roleId: m.roleId, dates: [], daysPresent: '' });
  return rows;
}

const splitList = (s: string) =>
  s
    .split(/[,，;；]/)
    .map((x) => x.trim())
    .filter(Boolean);

/** What the API receives: the schema's shape, empty optional fields left out. */
export function toReport(
  rows: AttendanceRow[],
  deliveries: DeliveryRow[],
  events: EventRow[],
  notes: string,
  duty: DutyRows = {},
): ReportContent {
  // Days in date order, a day left empty left out (nobody on duty is what the check then says).
  const holidayDuty = Object.entries(duty)
    .map(([date, people]) => ({ date, people: splitList(people) }))
    .filter((d) => d.people.length > 0)
    .sort((a, b) => (a.date < b.date ? -1 : 1));
  return {
    attendance: rows.map((r) => ({
      personId: r.personId,
      ...(r.name ? { name: r.name } : {}),
      roleId: r.roleId,
      // A person with nothing ticked and no count is absent all month: 0 days, not a missing field.
      ...(r.dates.length ? { dates: r.dates } : { daysPresent: r.daysPresent.trim() || '0' }),
    })),
    deliveries: deliveries.map((d): Delivery => ({
      obligationId: d.obligationId,
      deliveredOn: d.deliveredOn,
      ...(d.for.trim() ? { for: d.for.trim() } : {}),
      evidence: splitList(d.evidence),
      ...(d.participants.trim() ? { participants: Number.parseInt(d.participants, 10) } : {}),
    })),
    serviceEvents: events.map((e): ServiceEvent => ({
      id: e.id.trim(),
      kind: e.kind,
      from: e.from,
      ...(e.to ? { to: e.to } : {}),
      description: e.description,
      ...(e.obligationId ? { obligationId: e.obligationId } : {}),
      evidence: [],
    })),
    ...(holidayDuty.length ? { holidayDuty } : {}),
    ...(notes.trim() ? { notes: notes.trim() } : {}),
  };
}

/** Problems of a BAD_USER_INPUT answer, by path without the `input.report.` prefix (`attendance[0].roleId`). */
export function reportProblemsOf(error: GraphqlRequestError | null): GqlProblem[] {
  return problemsOf(error).map((p) => ({ ...p, path: p.path.replace(/^input\.report\.|^report\./, '') }));
}
