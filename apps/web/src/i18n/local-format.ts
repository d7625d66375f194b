import Decimal from 'decimal.js';
import type { Locale } from './messages';

/*
 * How the console shows times, durations and figures (shared/docs/domain.md rule 19): in the contract's time zone,
 * the Chinese way, never an ISO or UTC string; durations in 天/小时/分钟; scores and rates with two decimals. No
 * React here, so the unit tests import it. Every page formats through these functions, nowhere else.
 */

/** Every seed contract runs on Beijing time; a contract with another zone passes its own. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const parts = (at: Date, timeZone: string): Record<string, string> => {
  const out: Record<string, string> = {};
  const fmt = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  for (const p of fmt.formatToParts(at)) out[p.type] = p.value;
  return out;
};

/** An instant (ISO with an offset or Z) as "2026-12-06 10:39" in the zone; what cannot be read is shown as sent. */
export function formatDateTime(iso: string | null | undefined, timeZone: string = DEFAULT_TIME_ZONE): string {
  if (!iso) return '—';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const p = parts(at, timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** A calendar date ("2026-12-06", or an instant's date in the zone) as 2026年12月6日 in Chinese, 2026-12-06 in English. */
export function formatDate(
  value: string | null | undefined,
  locale: Locale,
  timeZone: string = DEFAULT_TIME_ZONE,
): string {
  if (!value) return '—';
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  let [y, m, d] = plain ? [plain[1], plain[2], plain[3]] : ['', '', ''];
  if (!plain) {
    const at = new Date(value);
    if (Number.isNaN(at.getTime())) return value;
    const p = parts(at, timeZone);
    [y, m, d] = [p.year, p.month, p.day];
  }
  return locale === 'zh-CN' ? `${y}年${Number(m)}月${Number(d)}日` : `${y}-${m}-${d}`;
}

const UNITS: Record<Locale, { d: string; h: string; m: string; zero: string }> = {
  'zh-CN': { d: ' 天', h: ' 小时', m: ' 分钟', zero: '0 分钟' },
  en: { d: ' d', h: ' h', m: ' min', zero: '0 min' },
};

/**
 * Whole minutes as a duration people read: "18 天 1 小时", "2 小时 5 分钟", "45 分钟". Days are calendar days of 24 h
 * (a working-time clock's minutes are shown the same way: the figure is minutes of that clock). At most two units:
 * past a day the minutes no longer matter to a reader.
 */
export function formatDuration(minutes: number, locale: Locale): string {
  const u = UNITS[locale];
  const total = Math.max(0, Math.round(minutes));
  if (total === 0) return u.zero;
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const mins = total % 60;
  const out: string[] = [];
  if (days) out.push(`${days}${u.d}`);
  if (hours) out.push(`${hours}${u.h}`);
  if (mins && !days) out.push(`${mins}${u.m}`);
  return out.join(' ');
}

/** A decimal string (score, rate, person-months) half up to two decimals: "26.7027417027" → "26.70". */
export function formatDecimal2(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  try {
    return new Decimal(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
  } catch {
    return String(value);
  }
}

/** A percentage for display, capped: "62.50 %", or "> 999 %" (the duration beside it says how far over). */
export function formatPercent(value: string | number | null | undefined, cap = 999): string {
  if (value === null || value === undefined || value === '') return '—';
  try {
    const d = new Decimal(value);
    return d.greaterThan(cap) ? `> ${cap} %` : `${d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2)} %`;
  } catch {
    return String(value);
  }
}

const QUARTERS = ['一', '二', '三', '四'];

/**
 * An assessment period's id as people say it: "2026-H1" → 2026年上半年, "2026-Q3" → 2026年第三季度, "2026" →
 * 2026年, "2026-03" → 2026年3月 (English keeps the short forms: 2026 H1, 2026 Q3, 2026-03). Other ids are shown as sent.
 */
export function formatPeriod(id: string | null | undefined, locale: Locale): string {
  if (!id) return '—';
  // The whole contract term (inputs that count over it, such as the term's attendance).
  if (id === 'term') return locale === 'zh-CN' ? '合同期' : 'term';
  const m = /^(\d{4})(?:-(H[12]|Q[1-4]|\d{2}))?$/.exec(id);
  if (!m) return id;
  const [, year, part] = m;
  if (locale === 'en') return part ? (/^\d/.test(part) ? id : `${year} ${part}`) : year;
  if (!part) return `${year}年`;
  if (part === 'H1') return `${year}年上半年`;
  if (part === 'H2') return `${year}年下半年`;
  if (part.startsWith('Q')) return `${year}年第${QUARTERS[Number(part[1]) - 1]}季度`;
  return `${year}年${Number(part)}月`;
}

/** A count or a quantity: whole numbers as they are ("12"), anything else half up to two decimals ("53.95"). */
export function formatQuantity(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  return /^-?\d+$/.test(String(value)) ? String(value) : formatDecimal2(value);
}
