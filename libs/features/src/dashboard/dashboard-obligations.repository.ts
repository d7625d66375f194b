import { Injectable } from '@nestjs/common';
import { MonthlyReportEntity } from '@ledger/persistence';
import { In, type EntityManager } from 'typeorm';

export type ObligationsReport = Pick<MonthlyReportEntity, 'contractId' | 'status' | 'payload'>;

/** The month's monthly reports of some contracts, whatever their status; RLS decides what the transaction sees. */
@Injectable()
export class DashboardObligationsRepository {
  async reportsOfMonth(
    em: EntityManager,
    contractIds: readonly string[],
    month: string,
  ): Promise<Map<string, ObligationsReport>> {
    if (contractIds.length === 0) return new Map();
    const rows = await em.getRepository(MonthlyReportEntity).find({
      select: { contractId: true, status: true, payload: true },
      where: { contractId: In([...contractIds]), month },
    });
    return new Map(rows.map((r) => [r.contractId, r]));
  }
}
