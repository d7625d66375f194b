import { getPreset, parseContractConfig, workingDatesOfMonth } from '@ledger/contracts';
import { buildCalendar } from '@ledger/sla';

/*
 * The ledger data behind domain.md's worked examples, as a buyer and a vendor would enter it: 联系单 rows for the
 * ticket import (CSV), monthly attendance, period inputs. Every figure is derived here in the open so the expected
 * scores can be checked by hand.
 */

export type TicketSpec = { id: string; due: string; done: string; special?: boolean };

/** One import row: submitted and received on the 1st of the month it is due, deployed (= completed) at 21:00 on `done`. */
export function ticketRow(t: TicketSpec): Record<string, string> {
  const first = `${t.due.slice(0, 8)}01`;
  return {
    编号: t.id,
    标题: `验收测试 ${t.id}`,
    问题分类: '软件错误',
    业务领域: '医疗待遇',
    严重程度: 'L2',
    特别关注: t.special ? '是' : '否',
    期望完成日期: t.due,
    提出时间: `${first} 09:00`,
    签收时间: `${first} 09:30`,
    上线时间: `${t.done} 21:00`,
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Xuzhou (example A) tickets.
 * H1: 45 due (Jan–Jun), 41 on time (deployed the 18th, due the 20th; three of them 特别关注, no delay) and 4 late:
 *   XZ-H1-42 特别关注 due 05-10 → 05-15 (5 days), XZ-H1-43 特别关注 due 05-20 → 05-27 (7 days),
 *   XZ-H1-44 due 04-10 → 04-13, XZ-H1-45 due 06-10 → 06-12. 41 ÷ 45 = 91.11 % → +2; delays 5 + 7 = 12 → −2.
 * H2: 50 due (Jul–Oct), 38 on time (two 特别关注) and 12 late: XZ-H2-39 特别关注 due 08-10 → 08-30 (20 days),
 *   XZ-H2-40 特别关注 due 09-10 → 09-25 (15 days), XZ-H2-41..50 two days late. 38 ÷ 50 = 76 % → −2; delays 35 → −5.
 * Everything is deployed before the period ends, so the H1 close (as of 07-10) and the H2 close (as of 2027-01-10)
 * count the same tickets for H1.
 */
export function xuzhouTickets(): TicketSpec[] {
  const out: TicketSpec[] = [];
  for (let i = 1; i <= 41; i++) {
    const m = pad(((i - 1) % 6) + 1);
    out.push({ id: `XZ-H1-${pad(i)}`, due: `2026-${m}-20`, done: `2026-${m}-18`, special: i <= 3 });
  }
  out.push(
    { id: 'XZ-H1-42', due: '2026-05-10', done: '2026-05-15', special: true },
    { id: 'XZ-H1-43', due: '2026-05-20', done: '2026-05-27', special: true },
    { id: 'XZ-H1-44', due: '2026-04-10', done: '2026-04-13' },
    { id: 'XZ-H1-45', due: '2026-06-10', done: '2026-06-12' },
  );
  for (let i = 1; i <= 38; i++) {
    const m = pad(((i - 1) % 4) + 7);
    out.push({ id: `XZ-H2-${pad(i)}`, due: `2026-${m}-20`, done: `2026-${m}-18`, special: i <= 2 });
  }
  out.push(
    { id: 'XZ-H2-39', due: '2026-08-10', done: '2026-08-30', special: true },
    { id: 'XZ-H2-40', due: '2026-09-10', done: '2026-09-25', special: true },
  );
  for (let i = 41; i <= 50; i++) {
    const m = pad(((i - 41) % 4) + 7);
    out.push({ id: `XZ-H2-${pad(i)}`, due: `2026-${m}-12`, done: `2026-${m}-14` });
  }
  return out;
}

/** Huai'an (example B): per half-year of 2026 one ticket on time and one late (not 特别关注): 1 ÷ 2 = 50 % → −10, delay 0. */
export function huaianTickets(): TicketSpec[] {
  return [
    { id: 'HA-H1-1', due: '2026-03-20', done: '2026-03-18' },
    { id: 'HA-H1-2', due: '2026-04-20', done: '2026-04-25' },
    { id: 'HA-H2-1', due: '2026-08-20', done: '2026-08-18' },
    { id: 'HA-H2-2', due: '2026-09-20', done: '2026-09-23' },
  ];
}

/** Nine staff scored `total` each (attitude ≤ 30, ability ≤ 30, results ≤ 40). */
export function staffScores(
  total: number,
  people = 9,
): { personId: string; attitude: number; ability: number; results: number }[] {
  const attitude = Math.floor(total * 0.3);
  const ability = Math.floor(total * 0.3);
  return Array.from({ length: people }, (_, i) => ({
    personId: `XZ-STAFF-${i + 1}`,
    attitude,
    ability,
    results: total - attitude - ability,
  }));
}

export const XUZHOU_PEOPLE = [
  { personId: 'PM-1', roleId: 'pm' },
  ...Array.from({ length: 8 }, (_, i) => ({ personId: `ENGINEER-${i + 1}`, roleId: 'engineer' })),
];
/** The months in which ENGINEER-8 was absent all month: 3 person-months of 108 (example A: actual 105). */
export const XUZHOU_ABSENT_MONTHS = ['2026-04', '2026-08', '2026-11'];

/** A month's attendance: every person present every working day, except ENGINEER-8 in the absent months. */
export function xuzhouAttendance(month: string): { personId: string; roleId: string; daysPresent: string }[] {
  const calendar = buildCalendar(parseContractConfig(getPreset('xuzhou-2026').config).calendar ?? {});
  const days = workingDatesOfMonth(calendar, month).length;
  return XUZHOU_PEOPLE.map((p) => ({
    ...p,
    daysPresent: p.personId === 'ENGINEER-8' && XUZHOU_ABSENT_MONTHS.includes(month) ? '0' : String(days),
  }));
}

/** Qinghai's 11 items (example C): sum 950.4 → average 86.40 → grade B. */
export const QINGHAI_ITEMS: Record<string, string> = {
  monthlyInspection: '90',
  hotline: '85',
  emergencyOnSite: '88',
  faultQuality: '80',
  recurrence: '92',
  responseTimeliness: '86',
  engineerSkill: '84',
  training: '87',
  dbOptimisation: '83',
  onSite: '89.4',
  improvement: '86',
};
