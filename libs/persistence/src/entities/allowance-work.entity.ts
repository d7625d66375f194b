import { Column, CreateDateColumn, Entity } from 'typeorm';
import { ContractRowEntity } from './contract-row.base';

/** Work the vendor logged against a free-work allowance, in the allowance's unit (domain rule 15). */
@Entity({ name: 'allowance_work' })
export class AllowanceWorkEntity extends ContractRowEntity {
  @Column({ name: 'allowance_id', type: 'text' })
  allowanceId!: string;

  @Column({ name: 'ticket_id', type: 'uuid', nullable: true })
  ticketId!: string | null;

  @Column({ name: 'worked_on', type: 'date' })
  workedOn!: string;

  /** numeric(10, 2) as text: never a JavaScript number. */
  @Column({ type: 'numeric', precision: 10, scale: 2 })
  amount!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ name: 'logged_by', type: 'uuid' })
  loggedBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
