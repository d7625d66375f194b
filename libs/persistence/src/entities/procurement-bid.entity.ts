import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { moneyTransformer } from '../money.transformer';

export const PREFERENCE_BASES = ['small-micro', 'prison-enterprise', 'disability-welfare-unit'] as const;
export type PreferenceBasis = (typeof PREFERENCE_BASES)[number];

/** A bidder's final offer (最后报价) for a package, with the panel's objective answers. */
@Entity({ name: 'procurement_bids' })
export class ProcurementBidEntity {
  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' })
  id!: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @Column({ name: 'package_id', type: 'uuid' })
  packageId!: string;

  @Column({ name: 'bidder_name', type: 'text' })
  bidderName!: string;

  @Column({ type: 'numeric', precision: 18, scale: 2, transformer: moneyTransformer })
  price!: string;

  @Column({ name: 'small_or_micro', type: 'boolean' })
  smallOrMicro!: boolean;

  @Column({ name: 'preference_basis', type: 'text', nullable: true })
  preferenceBasis!: PreferenceBasis | null;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  objective!: Record<string, unknown>;

  @Column({ type: 'boolean', default: false })
  disqualified!: boolean;

  @Column({ name: 'disqualification_reason', type: 'text', nullable: true })
  disqualificationReason!: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
