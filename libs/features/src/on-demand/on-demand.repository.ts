import { Injectable } from '@nestjs/common';
import { isOnDemand, type OnDemandCall, type ParsedConfig } from '@ledger/contracts';
import { OnDemandCallEntity } from '@ledger/persistence';
import { In, type EntityManager } from 'typeorm';

export type NewOnDemandCall = Pick<
  OnDemandCallEntity,
  'tenantId' | 'contractId' | 'obligationId' | 'calledOn' | 'dueOn' | 'subject' | 'calledBy'
>;

/**
 * The calls of a contract, as the engine reads them (a report's checklist, the dashboard tile, the close's flags);
 * none read when its configuration has no on-demand obligation.
 */
export async function onDemandCallsOf(
  em: EntityManager,
  contractId: string,
  config: Pick<ParsedConfig, 'obligations'>,
): Promise<OnDemandCall[]> {
  if (!config.obligations.some(isOnDemand)) return [];
  return (await callRows(em, contractId)).map(toOnDemandCall);
}

/** The calls of several contracts in one statement (a page of dashboards), by contract. */
export async function onDemandCallsByContract(
  em: EntityManager,
  contractIds: readonly string[],
): Promise<Map<string, OnDemandCall[]>> {
  const out = new Map<string, OnDemandCall[]>();
  if (contractIds.length === 0) return out;
  const rows = await em
    .getRepository(OnDemandCallEntity)
    .find({ where: { contractId: In([...contractIds]) }, order: { dueOn: 'ASC', calledOn: 'ASC', id: 'ASC' } });
  for (const r of rows) {
    const list = out.get(r.contractId) ?? [];
    if (!out.has(r.contractId)) out.set(r.contractId, list);
    list.push(toOnDemandCall(r));
  }
  return out;
}

const callRows = (em: EntityManager, contractId: string): Promise<OnDemandCallEntity[]> =>
  em
    .getRepository(OnDemandCallEntity)
    .find({ where: { contractId }, order: { dueOn: 'ASC', calledOn: 'ASC', id: 'ASC' } });

export const toOnDemandCall = (r: OnDemandCallEntity): OnDemandCall => ({
  id: r.id,
  obligationId: r.obligationId,
  calledOn: r.calledOn,
  dueOn: r.dueOn,
  ...(r.subject ? { subject: r.subject } : {}),
  servedOn: r.servedOn,
});

/** The on-demand calls' rows; what a query can see is decided by the transaction's scope (RLS). */
@Injectable()
export class OnDemandRepository {
  calls(em: EntityManager, contractId: string): Promise<OnDemandCallEntity[]> {
    return callRows(em, contractId);
  }

  call(em: EntityManager, id: string, contractId: string): Promise<OnDemandCallEntity | null> {
    return em.getRepository(OnDemandCallEntity).findOne({ where: { id, contractId } });
  }

  insert(em: EntityManager, row: NewOnDemandCall): Promise<OnDemandCallEntity> {
    const repo = em.getRepository(OnDemandCallEntity);
    return repo.save(repo.create(row));
  }

  async serve(
    em: EntityManager,
    c: OnDemandCallEntity,
    service: { servedOn: string; evidence: string; servedBy: string },
  ): Promise<OnDemandCallEntity> {
    const servedAt = new Date();
    await em
      .getRepository(OnDemandCallEntity)
      .update(
        { tenantId: c.tenantId, id: c.id },
        { servedOn: service.servedOn, serviceEvidence: service.evidence, servedBy: service.servedBy, servedAt },
      );
    return {
      ...c,
      servedOn: service.servedOn,
      serviceEvidence: service.evidence,
      servedBy: service.servedBy,
      servedAt,
    };
  }
}
