import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** One configuration of a contract. Never updated: a change is a new version. */
@Entity({ name: 'contract_versions' })
export class ContractVersionEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @PrimaryColumn({ name: 'contract_id', type: 'uuid' })
  contractId!: string;

  @PrimaryColumn({ type: 'int' })
  version!: number;

  @Column({ type: 'jsonb' })
  configuration!: Record<string, unknown>;

  @Column({ name: 'change_note', type: 'text', nullable: true })
  changeNote!: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
