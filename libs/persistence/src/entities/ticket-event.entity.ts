import { Column, CreateDateColumn, Entity } from 'typeorm';
import { ContractRowEntity } from './contract-row.base';

/** One entry of a ticket's history. Never updated or deleted (a trigger rejects it). */
@Entity({ name: 'ticket_events' })
export class TicketEventEntity extends ContractRowEntity {
  @Column({ name: 'ticket_id', type: 'uuid' })
  ticketId!: string;

  /** 1, 2, … in the order the events happened on the ticket. */
  @Column({ type: 'int' })
  seq!: number;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId!: string | null;

  @Column({ name: 'actor_side', type: 'text' })
  actorSide!: 'buyer' | 'vendor';

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  payload!: Record<string, string | boolean> | null;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}
