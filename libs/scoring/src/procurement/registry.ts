import { allOrNothingItem } from './all-or-nothing.rule';
import { cappedCountItem } from './capped-count.rule';
import { flawLadderItem } from './flaw-ladder.rule';
import type { AnyProcurementItemDefinition } from './types';

/** Procurement item kind → definition. Adding a kind: one file and one line here. */
export const procurementItemRegistry = {
  'capped-count': cappedCountItem,
  'all-or-nothing': allOrNothingItem,
  'flaw-ladder': flawLadderItem,
} as const satisfies Record<string, AnyProcurementItemDefinition>;

export type ProcurementItemKind = keyof typeof procurementItemRegistry;
export const procurementItemKinds = Object.keys(procurementItemRegistry) as ProcurementItemKind[];

export function getProcurementItem(kind: string): AnyProcurementItemDefinition | undefined {
  return Object.prototype.hasOwnProperty.call(procurementItemRegistry, kind)
    ? (procurementItemRegistry as Record<string, AnyProcurementItemDefinition>)[kind]
    : undefined;
}
