import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export const PROCUREMENT_PROJECT_STATUSES = ['open', 'evaluating', 'awarded', 'terminated'] as const;
export type ProcurementProjectStatus = (typeof PROCUREMENT_PROJECT_STATUSES)[number];

/** A procurement project of the buyer (Tianjin's 运维项目 with eight packages). Visible to its tenant only. */
@Entity({ name: 'procurement_projects' })
export class ProcurementProjectEntity {
  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' })
  id!: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', default: 'open' })
  status!: ProcurementProjectStatus;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
