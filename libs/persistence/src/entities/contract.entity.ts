import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { moneyTransformer } from '../money.transformer';

/** A contract's identity and where it stands; its configuration lives in immutable versions. */
@Entity({ name: 'contracts' })
export class ContractEntity {
  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' })
  id!: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @Column({ name: 'vendor_org_id', type: 'uuid' })
  vendorOrgId!: string;

  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'preset_id', type: 'text', nullable: true })
  presetId!: string | null;

  @Column({ name: 'current_version', type: 'int' })
  currentVersion!: number;

  @Column({ type: 'numeric', precision: 18, scale: 2, transformer: moneyTransformer })
  amount!: string;

  @Column({ name: 'term_start', type: 'date' })
  termStart!: string;

  @Column({ name: 'term_end', type: 'date' })
  termEnd!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
