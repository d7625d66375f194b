import type { Problem } from '@ledger/kernel';
import type { ParsedConfig } from './contract-config.schema';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const minutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Settlement-affecting patches deploy only after the configured local time (Xuzhou/Huai'an: 20:00).
 * `localTime` is the planned deployment time HH:MM in the calendar's zone. Returns the problems (none = allowed).
 */
export function checkPatchDeployment(config: Pick<ParsedConfig, 'sla'>, patch: { affectsSettlement: boolean; localTime: string }): Problem[] {
  if (!HH_MM.test(patch.localTime)) return [{ path: 'localTime', message: `"${patch.localTime}" is not a time HH:MM` }];
  const notBefore = config.sla?.process.settlementPatchesNotBefore;
  if (!patch.affectsSettlement || !notBefore) return [];
  return minutes(patch.localTime) >= minutes(notBefore)
    ? []
    : [{ path: 'localTime', message: `a settlement-affecting patch deploys at or after ${notBefore}; ${patch.localTime} is too early` }];
}
