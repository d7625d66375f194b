import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { moneyTransformer } from '../money.transformer';

/** One package (包) of a project: its budget and its scoring scheme (validated by validateProcurementScheme). */
@Entity({ name: 'procurement_packages' })
export class ProcurementPackageEntity {
  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' })
  id!: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @Column({ type: 'int' })
  number!: number;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'numeric', precision: 18, scale: 2, transformer: moneyTransformer })
  budget!: string;

  @Column({ type: 'jsonb' })
  scheme!: Record<string, unknown>;

  @Column({ name: 'preset_id', type: 'text', nullable: true })
  presetId!: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
