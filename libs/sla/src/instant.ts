import { problem, ValidationError, type ProblemCode, type ProblemParamInput } from '@ledger/kernel';

/**
 * An instant at the boundary: epoch milliseconds, or an ISO-8601 string that carries its offset
 * (`2026-02-13T15:00:00+08:00`, `…Z`). A string without an offset is rejected: it would be read in the
 * host's zone, which is exactly the hidden global state the domain core avoids.
 * Internally every clock works on epoch milliseconds floored to the whole minute.
 */
export type Instant = number | string;

/** A one-problem ValidationError whose message names the path, so a thrown error reads on its own. */
export function invalid(
  path: string,
  code: ProblemCode,
  params: Readonly<Record<string, ProblemParamInput>> = {},
): ValidationError {
  const p = problem(path, code, params);
  return new ValidationError([p], `${path}: ${p.message}`);
}

export const MINUTE_MS = 60_000;
export const DAY_MINUTES = 1_440;

/**
 * Zones whose UTC offset is constant over every year the engine can compute (2020 onwards), so local
 * time is `utc + offset` exactly. Asia/Shanghai has had no daylight saving since 1991.
 * Zones with DST or a changing offset are refused rather than approximated.
 */
const FIXED_OFFSET_ZONES: Readonly<Record<string, number>> = {
  'Asia/Shanghai': 480,
  'Asia/Chongqing': 480,
  'Asia/Chungking': 480,
  'Asia/Harbin': 480,
  PRC: 480,
  'Etc/GMT-8': 480,
};

export const SUPPORTED_TIME_ZONES: readonly string[] = Object.keys(FIXED_OFFSET_ZONES);

/** The fixed UTC offset of `timeZone` in minutes, or undefined when the engine cannot compute it exactly. */
export function fixedOffsetMinutes(timeZone: string): number | undefined {
  return Object.prototype.hasOwnProperty.call(FIXED_OFFSET_ZONES, timeZone) ? FIXED_OFFSET_ZONES[timeZone] : undefined;
}

function requireOffset(timeZone: string): number {
  const offset = fixedOffsetMinutes(timeZone);
  if (offset === undefined) {
    throw invalid('timeZone', 'calendar.unsupportedZone', unsupportedZoneParams(timeZone));
  }
  return offset;
}

/** The parameters of `calendar.unsupportedZone`: the zone given and the ones the engine computes exactly. */
export function unsupportedZoneParams(timeZone: string): { value: string; known: readonly string[] } {
  return { value: timeZone, known: SUPPORTED_TIME_ZONES };
}

const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})$/;

/** Epoch milliseconds of an instant; throws ValidationError (BAD_USER_INPUT) for anything ambiguous. */
export function toEpochMs(instant: Instant, path = 'instant'): number {
  if (typeof instant === 'number') {
    if (!Number.isFinite(instant)) throw invalid(path, 'number.notFinite');
    return instant;
  }
  const m = ISO_WITH_OFFSET.exec(instant);
  const ms = m ? Date.parse(instant) : Number.NaN;
  // Date.parse rolls 2026-02-30 over to March; compare the fields back to refuse such dates.
  if (!m || Number.isNaN(ms) || !sameFields(m, ms)) {
    throw invalid(path, 'instant.isoOffset', { value: instant });
  }
  return ms;
}

function sameFields(m: RegExpExecArray, ms: number): boolean {
  const off =
    m[8] === 'Z' ? 0 : (m[8][0] === '-' ? -1 : 1) * (Number(m[8].slice(1, 3)) * 60 + Number(m[8].slice(4, 6)));
  const local = new Date(ms + off * MINUTE_MS);
  return (
    local.getUTCFullYear() === Number(m[1]) &&
    local.getUTCMonth() + 1 === Number(m[2]) &&
    local.getUTCDate() === Number(m[3]) &&
    local.getUTCHours() === Number(m[4]) &&
    local.getUTCMinutes() === Number(m[5])
  );
}

/** Clocks count whole minutes: an instant is floored to its minute (10:00:59 counts as 10:00). */
export function floorToMinute(ms: number): number {
  return Math.floor(ms / MINUTE_MS) * MINUTE_MS;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** `2026-02-13T15:00:00+08:00`: the instant written in the local time of `timeZone`. */
export function formatInstant(ms: number, timeZone = 'Asia/Shanghai'): string {
  const offset = requireOffset(timeZone);
  const d = new Date(ms + offset * MINUTE_MS);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const millis = d.getUTCMilliseconds();
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}` +
    (millis ? `.${pad(millis, 3)}` : '') +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a `YYYY-MM-DD` local date, or undefined if it is not a real date. */
export function epochDayOf(date: string): number | undefined {
  const m = LOCAL_DATE.exec(date);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const back = new Date(ms);
  if (
    back.getUTCFullYear() !== Number(m[1]) ||
    back.getUTCMonth() + 1 !== Number(m[2]) ||
    back.getUTCDate() !== Number(m[3])
  )
    return undefined;
  return ms / 86_400_000;
}

/** `YYYY-MM-DD` of an epoch day. */
export function dateOfEpochDay(day: number): string {
  const d = new Date(day * 86_400_000);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function yearOfEpochDay(day: number): number {
  return new Date(day * 86_400_000).getUTCFullYear();
}

/** Monday = 1 … Sunday = 7 (ISO), so weekends are 6 and 7. */
export function isoWeekdayOfEpochDay(day: number): number {
  // 1970-01-01 was a Thursday (4).
  return ((((day + 3) % 7) + 7) % 7) + 1;
}
