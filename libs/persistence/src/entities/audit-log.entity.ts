import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Written only by database triggers; the application role may insert and read, never change or delete. */
@Entity({ name: 'audit_log' })
export class AuditLogEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'tenant_id', type: 'uuid', nullable: true })
  tenantId!: string | null;

  @Column({ name: 'vendor_org_id', type: 'uuid', nullable: true })
  vendorOrgId!: string | null;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId!: string | null;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'text', nullable: true })
  operation!: string | null;

  @Column({ name: 'table_name', type: 'text' })
  tableName!: string;

  @Column({ type: 'text' })
  action!: string;

  @Column({ name: 'row_id', type: 'text', nullable: true })
  rowId!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before!: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after!: Record<string, unknown> | null;
}
