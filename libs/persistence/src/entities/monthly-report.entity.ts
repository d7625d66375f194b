import { Column, CreateDateColumn, Entity } from 'typeorm';
import { ContractRowEntity } from './contract-row.base';

export const MONTHLY_REPORT_STATUSES = ['draft', 'submitted', 'accepted', 'returned'] as const;
export type MonthlyReportStatus = (typeof MONTHLY_REPORT_STATUSES)[number];

/** The vendor's report of one month of one contract; accepted reports are locked by a database trigger. */
@Entity({ name: 'monthly_reports' })
export class MonthlyReportEntity extends ContractRowEntity {
  @Column({ type: 'text' })
  month!: string;

  @Column({ type: 'text' })
  status!: MonthlyReportStatus;

  /** The report as validated by `validateMonthlyReport` (monthlyReportSchema output). */
  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  /** The contract configuration version the report was last validated against. */
  @Column({ name: 'config_version', type: 'int' })
  configVersion!: number;

  @Column({ name: 'buyer_comment', type: 'text', nullable: true })
  buyerComment!: string | null;

  @Column({ name: 'saved_by', type: 'uuid' })
  savedBy!: string;

  @Column({ name: 'saved_at', type: 'timestamptz' })
  savedAt!: Date;

  @Column({ name: 'submitted_by', type: 'uuid', nullable: true })
  submittedBy!: string | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
