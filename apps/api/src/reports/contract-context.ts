import { subject } from '@casl/ability';
import { parseContractConfig, type ParsedConfig } from '@ledger/contracts';
import type { NationalCalendarStore } from '@ledger/jobs';
import { DomainError } from '@ledger/kernel';
import type { WorkCalendar } from '@ledger/sla';
import { ContractVersionEntity, type ContractEntity } from '@ledger/persistence';
import { QueryFailedError, type EntityManager } from 'typeorm';
import type { AppAbility } from '../auth/ability.factory';
import type { ContractsRepository } from '../contracts/contracts.repository';

import { UUID } from '../graphql/ids';

export { UUID };

/** `calendar`: the contract's working calendar on the current national calendar (read from the database). */
export type ContractContext = { contract: ContractEntity; config: ParsedConfig; version: number; calendar: WorkCalendar };

/** The subject CASL checks for reports, period inputs and the roster: the contract's tenant and vendor. */
export function contractSubject(name: 'MonthlyReport' | 'PeriodInputs' | 'StaffRoster' | 'PeriodClose' | 'Payment', c: ContractEntity) {
  return subject(name, { tenantId: c.tenantId, vendorOrgId: c.vendorOrgId });
}

/**
 * The contract as far as RLS and the caller's abilities reach, without its configuration — for reads that need
 * only who may see it (payment schedules, payments). A contract outside that reach is NOT_FOUND, whether it exists
 * or not.
 */
export async function readableContract(em: EntityManager, repo: ContractsRepository, ability: AppAbility, id: string): Promise<ContractEntity> {
  const contract = UUID.test(id) ? await repo.byId(em, id) : null;
  if (!contract || !ability.can('read', subject('Contract', { ...contract }))) throw new DomainError('NOT_FOUND', 'no such contract');
  return contract;
}

/** The readable contract and its current configuration, parsed (validated) for the rules that need it. */
export async function loadContract(em: EntityManager, repo: ContractsRepository, ability: AppAbility, id: string, calendars: NationalCalendarStore): Promise<ContractContext> {
  const contract = await readableContract(em, repo, ability, id);
  const row = await em.getRepository(ContractVersionEntity).findOne({ where: { tenantId: contract.tenantId, contractId: contract.id, version: contract.currentVersion } });
  if (!row) throw new DomainError('NOT_FOUND', 'no such contract');
  const config = parseContractConfig(row.configuration);
  return { contract, config, version: contract.currentVersion, calendar: await calendars.calendarOf(em, config) };
}


/** A real calendar date YYYY-MM-DD (2026-02-30 is not). */
export function isLocalDate(s: unknown): s is string {
  return typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
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
    if (code === '42501' && /locked/.test((e as Error).message)) throw new DomainError('CONFLICT', (e as Error).message);
    throw e;
  }
}
