import { Column, CreateDateColumn, Entity } from 'typeorm';
import { ContractRowEntity } from './contract-row.base';

/** A person on a contract's roster, in one of the configuration's staffing roles, from a date (to a date). */
@Entity({ name: 'staff_members' })
export class StaffMemberEntity extends ContractRowEntity {
  @Column({ name: 'person_id', type: 'text' })
  personId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'role_id', type: 'text' })
  roleId!: string;

  @Column({ type: 'text' })
  placement!: string;

  @Column({ name: 'from_date', type: 'date' })
  fromDate!: string;

  @Column({ name: 'to_date', type: 'date', nullable: true })
  toDate!: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
