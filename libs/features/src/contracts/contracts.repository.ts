import { Injectable } from '@nestjs/common';
import { ContractEntity, ContractVersionEntity, TenantEntity, UserEntity } from '@ledger/persistence';
import { In, type EntityManager } from 'typeorm';
import { RUNNING_CLOCKS_SQL, clockOverdueSql } from '../shared/running-clocks.sql';
import type { TERM_STATES } from './contracts.models';

export type TermState = (typeof TERM_STATES)[number];

export type ContractSearch = {
  /** Each word in the code or the name. */
  words?: readonly string[];
  termStates?: readonly TermState[];
  tenantIds?: readonly string[];
  openBreaches?: boolean;
  /** YYYY-MM-DD in Asia/Shanghai, for the term states. */
  today: string;
  now: Date;
  limit: number;
  after?: { code: string; id: string };
};

/** A LIKE pattern finding `word` anywhere, its wildcards (and the escape) as plain characters. */
const containing = (word: string): string => `%${word.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

const TERM_SQL: Record<TermState, (today: string) => string> = {
  upcoming: (d) => `c.term_start > ${d}::date`,
  active: (d) => `(c.term_start <= ${d}::date AND c.term_end >= ${d}::date)`,
  ended: (d) => `c.term_end < ${d}::date`,
};

@Injectable()
export class ContractsRepository {
  list(em: EntityManager): Promise<ContractEntity[]> {
    return em.getRepository(ContractEntity).find({ order: { code: 'ASC' } });
  }

  /**
   * One page of the contracts the scope shows (row-level security), by code then id: a stable key, so a page never
   * repeats or skips a contract (codes are unique per tenant only; the vendor's list spans tenants). `openBreaches`
   * reads the running clocks as the dashboard does. Returns `limit + 1` rows so the caller knows whether more follow.
   */
  async search(em: EntityManager, q: ContractSearch): Promise<{ rows: ContractEntity[]; total: number }> {
    const where: string[] = ['TRUE'];
    const values: unknown[] = [];
    const param = (value: unknown): string => {
      values.push(value);
      return `$${values.length}`;
    };
    for (const word of q.words ?? []) {
      const n = param(containing(word));
      where.push(`(c.code ILIKE ${n} ESCAPE '\\' OR c.name ILIKE ${n} ESCAPE '\\')`);
    }
    if (q.termStates?.length) {
      const today = param(q.today);
      where.push(`(${q.termStates.map((s) => TERM_SQL[s](today)).join(' OR ')})`);
    }
    if (q.tenantIds?.length) where.push(`c.tenant_id = ANY(${param(q.tenantIds)}::uuid[])`);
    if (q.openBreaches !== undefined) {
      where.push(
        `${q.openBreaches ? '' : 'NOT '}EXISTS (SELECT 1 FROM ticket_sla_clocks k WHERE ${RUNNING_CLOCKS_SQL} AND ${clockOverdueSql(param(q.now))})`,
      );
    }
    const filtered = where.join(' AND ');
    const [{ n: total }] = (await em.query(`SELECT count(*)::int AS n FROM contracts c WHERE ${filtered}`, values)) as {
      n: number;
    }[];
    let pageWhere = filtered;
    if (q.after) pageWhere += ` AND (c.code, c.id) > (${param(q.after.code)}, ${param(q.after.id)}::uuid)`;
    const ids = (await em.query(
      `SELECT c.id FROM contracts c WHERE ${pageWhere} ORDER BY c.code, c.id LIMIT ${param(q.limit + 1)}`,
      values,
    )) as { id: string }[];
    const order = new Map<string, number>(ids.map((r, i) => [r.id, i]));
    const rows = ids.length
      ? await em.getRepository(ContractEntity).find({ where: { id: In([...order.keys()]) } })
      : [];
    return { rows: rows.sort((a, b) => (order.get(a.id) as number) - (order.get(b.id) as number)), total };
  }

  /** The tenants (buyer agencies) of these ids the scope reads (row-level security decides), by name. */
  tenants(em: EntityManager, ids: readonly string[]): Promise<TenantEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return em.getRepository(TenantEntity).find({ where: { id: In([...ids]) }, order: { name: 'ASC' } });
  }

  /** The agencies of every contract the scope shows, by name: the choices of the agency filter. */
  async agencies(em: EntityManager): Promise<TenantEntity[]> {
    const rows = (await em.query('SELECT DISTINCT c.tenant_id AS id FROM contracts c')) as { id: string }[];
    return this.tenants(
      em,
      rows.map((r) => r.id),
    );
  }

  byId(em: EntityManager, id: string): Promise<ContractEntity | null> {
    return em.getRepository(ContractEntity).findOne({ where: { id } });
  }

  /** The contracts of `ids` the transaction's scope shows (row-level security), in no particular order. */
  byIds(em: EntityManager, ids: readonly string[]): Promise<ContractEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return em.getRepository(ContractEntity).find({ where: { id: In([...ids]) } });
  }

  byCode(em: EntityManager, code: string): Promise<ContractEntity | null> {
    return em.getRepository(ContractEntity).findOne({ where: { code } });
  }

  /** One version of the contract's configuration. */
  version(
    em: EntityManager,
    c: Pick<ContractEntity, 'tenantId' | 'id'>,
    version: number,
  ): Promise<ContractVersionEntity | null> {
    return em
      .getRepository(ContractVersionEntity)
      .findOne({ where: { tenantId: c.tenantId, contractId: c.id, version } });
  }

  versions(em: EntityManager, contractIds: string[]): Promise<ContractVersionEntity[]> {
    if (contractIds.length === 0) return Promise.resolve([]);
    return em
      .getRepository(ContractVersionEntity)
      .createQueryBuilder('v')
      .where('v.contract_id IN (:...ids)', { ids: contractIds })
      .orderBy('v.contract_id')
      .addOrderBy('v.version')
      .getMany();
  }

  /** Display names by user id, of the users the caller's scope may read (row-level security decides). */
  async displayNames(em: EntityManager, userIds: string[]): Promise<Map<string, string>> {
    if (userIds.length === 0) return new Map();
    const users = await em
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .select(['u.id', 'u.displayName'])
      .where('u.id IN (:...ids)', { ids: userIds })
      .getMany();
    return new Map(users.map((u) => [u.id, u.displayName]));
  }

  insert(em: EntityManager, row: Omit<ContractEntity, 'id' | 'createdAt' | 'updatedAt'>): Promise<ContractEntity> {
    return em.getRepository(ContractEntity).save(em.getRepository(ContractEntity).create(row));
  }

  async setCurrent(
    em: EntityManager,
    c: ContractEntity,
    patch: Pick<ContractEntity, 'currentVersion' | 'amount' | 'termStart' | 'termEnd'>,
  ): Promise<void> {
    await em.getRepository(ContractEntity).update({ tenantId: c.tenantId, id: c.id }, patch);
  }

  insertVersion(em: EntityManager, row: Omit<ContractVersionEntity, 'createdAt'>): Promise<ContractVersionEntity> {
    return em.getRepository(ContractVersionEntity).save(em.getRepository(ContractVersionEntity).create(row));
  }
}
