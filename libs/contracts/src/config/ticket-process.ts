import { problem, type Problem } from '@ledger/kernel';
import type { ParsedConfig } from './contract-config.schema';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const minutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** When the night window ends if the contract does not say: the start of the preset working hours. */
export const DEFAULT_PATCH_WINDOW_END = '08:30';

/**
 * Settlement-affecting patches deploy in the evening and night only: from the configured time (Xuzhou /
 * Huai'an: 20:00, seed 000 line 54 补丁更新时间应在晚20点后) until the next morning's opening (default
 * 08:30). So 23:30 and 00:30 are allowed; 19:59 and 08:30 are not. `localTime` is the deployment time
 * HH:MM in the calendar's zone. Returns the problems (none = allowed).
 */
export function checkPatchDeployment(
  config: Pick<ParsedConfig, 'sla'>,
  patch: { affectsSettlement: boolean; localTime: string },
): Problem[] {
  if (!HH_MM.test(patch.localTime)) return [problem('localTime', 'time.formatValue', { value: patch.localTime })];
  const notBefore = config.sla?.process.settlementPatchesNotBefore;
  if (!patch.affectsSettlement || !notBefore) return [];
  const notAfter = config.sla?.process.settlementPatchesNotAfter ?? DEFAULT_PATCH_WINDOW_END;
  const t = minutes(patch.localTime);
  const [from, to] = [minutes(notBefore), minutes(notAfter)];
  // A window that crosses midnight (20:00 → 08:30) or, if so configured, one within a day.
  const inWindow = from > to ? t >= from || t < to : t >= from && t < to;
  return inWindow
    ? []
    : [problem('localTime', 'ticket.patchWindow', { from: notBefore, to: notAfter, value: patch.localTime })];
}
