import { Column, CreateDateColumn, Entity } from 'typeorm';
import { ContractRowEntity } from './contract-row.base';

/** One replacement on a roster: who left, who came, and the notice and handover it had (checkReplacement). */
@Entity({ name: 'staff_replacements' })
export class StaffReplacementEntity extends ContractRowEntity {
  @Column({ name: 'old_member_id', type: 'uuid' })
  oldMemberId!: string;

  @Column({ name: 'new_member_id', type: 'uuid' })
  newMemberId!: string;

  @Column({ name: 'role_id', type: 'text' })
  roleId!: string;

  @Column({ name: 'applied_on', type: 'date' })
  appliedOn!: string;

  @Column({ name: 'change_on', type: 'date' })
  changeOn!: string;

  @Column({ name: 'handover_from', type: 'date', nullable: true })
  handoverFrom!: string | null;

  @Column({ name: 'handover_to', type: 'date', nullable: true })
  handoverTo!: string | null;

  @Column({ name: 'interview_passed', type: 'boolean', nullable: true })
  interviewPassed!: boolean | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  /** The notice / handover problems found when it was recorded (kept: a breach is a fact the buyer sees). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  problems!: { path: string; message: string }[];

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
