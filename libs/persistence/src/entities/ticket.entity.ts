import { Column, CreateDateColumn, Entity, UpdateDateColumn } from 'typeorm';
import { ContractRowEntity } from './contract-row.base';

/** A ticket (联系单) of a contract; its history lives in ticket_events (append-only). */
@Entity({ name: 'tickets' })
export class TicketEntity extends ContractRowEntity {
  /** The 联系单编号, unique within the contract. */
  @Column({ type: 'text' })
  number!: string;

  @Column({ type: 'text', nullable: true })
  title!: string | null;

  @Column({ type: 'text' })
  category!: string;

  @Column({ name: 'business_area', type: 'text', nullable: true })
  businessArea!: string | null;

  @Column({ type: 'text' })
  severity!: string;

  @Column({ name: 'special_attention', type: 'boolean' })
  specialAttention!: boolean;

  @Column({ name: 'expected_close_date', type: 'date', nullable: true })
  expectedCloseDate!: string | null;

  @Column({ name: 'extended_to', type: 'date', nullable: true })
  extendedTo!: string | null;

  @Column({ type: 'text' })
  state!: string;

  @Column({ type: 'jsonb', nullable: true })
  checklist!: Record<string, string | boolean> | null;

  /** The contract configuration version the ticket was created under; it governs the ticket for its life. */
  @Column({ name: 'config_version', type: 'int' })
  configVersion!: number;

  @Column({ type: 'text' })
  source!: 'api' | 'import';

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
