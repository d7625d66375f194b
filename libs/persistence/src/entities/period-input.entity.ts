import { Column, CreateDateColumn, Entity } from 'typeorm';
import { ContractRowEntity } from './contract-row.base';

export const PERIOD_INPUT_KINDS = [
  'staffScores',
  'satisfaction',
  'securityIncidents',
  'complaints',
  'itemScores',
  'quarterQualified',
  'acceptance',
  'ledgerConfirmed',
] as const;
export type PeriodInputKind = (typeof PERIOD_INPUT_KINDS)[number];

/** One kind of buyer input for one period of one contract; editable until `locked` (the period closed). */
@Entity({ name: 'period_inputs' })
export class PeriodInputEntity extends ContractRowEntity {
  @Column({ type: 'text' })
  period!: string;

  @Column({ type: 'text' })
  kind!: PeriodInputKind;

  @Column({ type: 'jsonb' })
  value!: unknown;

  @Column({ name: 'config_version', type: 'int' })
  configVersion!: number;

  @Column({ type: 'boolean', default: false })
  locked!: boolean;

  @Column({ name: 'updated_by', type: 'uuid' })
  updatedBy!: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
