import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** One evaluator's (磋商小组成员) subjective answers for one bid of a package. */
@Entity({ name: 'procurement_evaluator_sheets' })
export class ProcurementEvaluatorSheetEntity {
  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' })
  id!: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @Column({ name: 'package_id', type: 'uuid' })
  packageId!: string;

  /** A label for the panel member ("评委A"); evaluators are not users of the system. */
  @Column({ type: 'text' })
  evaluator!: string;

  @Column({ name: 'bid_id', type: 'uuid' })
  bidId!: string;

  @Column({ type: 'jsonb' })
  items!: Record<string, unknown>;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
