import { Column, CreateDateColumn, Entity } from 'typeorm';
import { ContractRowEntity } from './contract-row.base';

/** A call of the buyer on an on-demand obligation (a 重保, an emergency) and, once recorded, the vendor's service. */
@Entity({ name: 'on_demand_calls' })
export class OnDemandCallEntity extends ContractRowEntity {
  @Column({ name: 'obligation_id', type: 'text' })
  obligationId!: string;

  @Column({ name: 'called_on', type: 'date' })
  calledOn!: string;

  @Column({ name: 'due_on', type: 'date' })
  dueOn!: string;

  /** What the call is about, as the buyer typed it ('' when not given). */
  @Column({ type: 'text' })
  subject!: string;

  @Column({ name: 'called_by', type: 'uuid' })
  calledBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'served_on', type: 'date', nullable: true })
  servedOn!: string | null;

  @Column({ name: 'service_evidence', type: 'text', nullable: true })
  serviceEvidence!: string | null;

  @Column({ name: 'served_by', type: 'uuid', nullable: true })
  servedBy!: string | null;

  @Column({ name: 'served_at', type: 'timestamptz', nullable: true })
  servedAt!: Date | null;
}
