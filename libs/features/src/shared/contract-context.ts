import { subject } from '@casl/ability';
import type { ParsedConfig } from '@ledger/contracts';
import { DomainError } from '@ledger/kernel';
import type { WorkCalendar } from '@ledger/sla';
import type { ContractEntity } from '@ledger/persistence';
import { QueryFailedError } from 'typeorm';
import { UUID } from '../graphql/ids';

export { UUID };

/** A contract the caller may act on (ContractAccess.requireWithConfig): its current configuration and working calendar on the current national calendar. */
export type ContractContext = {
  contract: ContractEntity;
  config: ParsedConfig;
  version: number;
  calendar: WorkCalendar;
};

/** The subject CASL checks for reports, period inputs and the roster: the contract's tenant and vendor. */
export function contractSubject(
  name: 'MonthlyReport' | 'PeriodInputs' | 'StaffRoster' | 'PeriodClose' | 'Payment',
  c: ContractEntity,
) {
  return subject(name, { tenantId: c.tenantId, vendorOrgId: c.vendorOrgId });
}

/** A real calendar date YYYY-MM-DD (2026-02-30 is not). */
export function isLocalDate(s: unknown): s is string {
  return (
    typeof s === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(s) &&
    !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
    new Date(`${s}T00:00:00Z`).toISOString().startsWith(s)
  );
}

/**
 * A concurrent request that won a race answers CONFLICT (the transaction rolls back), not a server error: a unique
 * key taken first (23505), or a row locked by its guard trigger in the meantime (accepted report, closed period).
 */
export async function conflictsAsDomainErrors<T>(message: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    const code = e instanceof QueryFailedError ? (e.driverError as { code?: string }).code : undefined;
    if (code === '23505') throw new DomainError('CONFLICT', message);
    if (code === '42501' && /locked/.test((e as Error).message))
      throw new DomainError('CONFLICT', (e as Error).message);
    throw e;
  }
}
