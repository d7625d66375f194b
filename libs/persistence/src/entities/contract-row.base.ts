import { Column, PrimaryColumn } from 'typeorm';

/**
 * The keys of every row that belongs to a contract. The row-level security policies read `tenant_id`
 * (the buyer) and `contract_id` (through which the holding vendor sees it); foreign keys pair them.
 */
export abstract class ContractRowEntity {
  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' })
  id!: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @Column({ name: 'contract_id', type: 'uuid' })
  contractId!: string;
}
