import { Injectable } from '@nestjs/common';
import { MonthlyReportEntity } from '@ledger/persistence';
import type { EntityManager } from 'typeorm';

/** The month's monthly report of a contract, whatever its status; RLS decides what the transaction sees. */
@Injectable()
export class DashboardObligationsRepository {
  reportOfMonth(
    em: EntityManager,
    contractId: string,
    month: string,
  ): Promise<Pick<MonthlyReportEntity, 'status' | 'payload'> | null> {
    return em
      .getRepository(MonthlyReportEntity)
      .findOne({ select: { status: true, payload: true }, where: { contractId, month } });
  }
}
