import type { Decimal } from '@ledger/kernel';
import type { PaymentTerms } from './payment.schema';
import { milestoneRuleOf } from './registry';
import type { PlannedLine } from './rule-kit';

export type PlanInput = {
  amount: string;
  term: { start: string; end: string; signed?: string };
  assessment: unknown;
  yearFees: Map<number, Decimal>;
};

/** Every line the milestones plan, from the configuration alone, in milestone order. */
export function planLines(payment: PaymentTerms, input: PlanInput): PlannedLine[] {
  return payment.milestones.flatMap((m) =>
    milestoneRuleOf(m.kind).plan(m.params, { ...input, milestoneId: m.id, label: m.label, conditions: m.conditions }),
  );
}
