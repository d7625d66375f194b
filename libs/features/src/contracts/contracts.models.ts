import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { JsonScalar, type JsonValue } from '../graphql/json.scalar';
import { MoneyScalar } from '../graphql/money.scalar';

@ObjectType('ContractVersion', { description: 'One immutable configuration of a contract.' })
export class ContractVersionModel {
  @Field(() => Int, { description: 'The version number, from 1.' })
  version!: number;

  @Field(() => JsonScalar, { description: 'The configuration of this version, in the configuration language.' })
  configuration!: JsonValue;

  @Field(() => String, {
    nullable: true,
    description:
      'Why the configuration changed (the first version: how the contract was created); null when none was recorded.',
  })
  changeNote!: string | null;

  @Field(() => ID, { nullable: true, description: 'The user who saved it; null when not recorded.' })
  createdBy!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The author's display name, to show instead of the id; null when the caller may not read that user.",
  })
  createdByName!: string | null;

  @Field({ description: 'When it was saved (ISO 8601 instant).' })
  createdAt!: Date;
}

@ObjectType('Contract', {
  description: 'A performance contract between a buyer agency (tenant) and a vendor, with its versioned configuration.',
})
export class ContractModel {
  @Field(() => ID, { description: 'The contract id (UUID).' })
  id!: string;

  @Field(() => ID, { description: 'The buyer tenant.' })
  tenantId!: string;

  @Field(() => String, {
    nullable: true,
    description: "The buyer agency's (tenant's) name, to show instead of the id.",
  })
  tenantName!: string | null;

  @Field(() => ID, { description: 'The vendor organisation holding the contract.' })
  vendorOrgId!: string;

  @Field({ description: 'Unique within the tenant, e.g. "HA-2025-OM".' })
  code!: string;

  @Field({ description: 'The contract name.' })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The preset it was created from; null when created from a configuration.',
  })
  presetId!: string | null;

  @Field(() => Int, { description: 'The number of the current configuration version.' })
  currentVersion!: number;

  @Field(() => MoneyScalar, { description: 'The contract amount in yuan (money.amount of the configuration).' })
  amount!: string;

  @Field({ description: 'First day of the term, YYYY-MM-DD local date.' })
  termStart!: string;

  @Field({ description: 'Last day of the term, YYYY-MM-DD local date.' })
  termEnd!: string;

  /**
   * The configuration of the current version and every version (fields of ContractVersionsResolver). Filled when
   * the service read them anyway (one contract); absent on a list, read only when selected, batched per request.
   */
  configuration?: JsonValue;
  versions?: ContractVersionModel[];
}

@InputType({ description: 'A new contract: a preset or a configuration (exactly one).' })
export class CreateContractInput {
  @Field({ description: 'Unique within the tenant, e.g. "HA-2025-OM".' })
  code!: string;

  @Field({ description: 'The contract name.' })
  name!: string;

  @Field(() => ID, { description: 'The vendor organisation holding the contract.' })
  vendorOrgId!: string;

  @Field(() => ID, { nullable: true, description: 'Start from a preset …' })
  presetId?: string;

  @Field(() => JsonScalar, { nullable: true, description: '… or from a configuration in the configuration language.' })
  configuration?: JsonValue;
}

@InputType({ description: 'A new configuration version of a contract.' })
export class UpdateContractConfigurationInput {
  @Field(() => ID, { description: 'The contract.' })
  contractId!: string;

  @Field(() => JsonScalar, { description: 'The whole new configuration, in the configuration language.' })
  configuration!: JsonValue;

  @Field({ description: 'Why the configuration changes (kept with the version).' })
  changeNote!: string;
}

/** Where a contract's term stands today (Asia/Shanghai): not started, running, or past its end. */
export const TERM_STATES = ['upcoming', 'active', 'ended'] as const;

@InputType({ description: 'What the contract lists filter on; every given part must hold (and).' })
export class ContractFilterInput {
  @Field({
    nullable: true,
    description: 'Words (split at spaces), each in the code or the name (case-insensitive; up to 100 characters).',
  })
  text?: string;

  @Field(() => [String], {
    nullable: true,
    description: 'Where the term stands today in Asia/Shanghai (any of): upcoming (starts later), active, ended.',
  })
  termStates?: string[];

  @Field(() => [ID], {
    nullable: true,
    description:
      "Buyer agencies (tenants, any of): the vendor's view across tenants; an agency the caller does not read is NOT_FOUND.",
  })
  tenantIds?: string[];

  @Field({
    nullable: true,
    description:
      "true: contracts with an open breach now (an open ticket's SLA clock overdue, as the dashboard's openBreaches counts it); false: none.",
  })
  openBreaches?: boolean;
}

@ObjectType('ContractPage', { description: 'One page of the contracts the caller reads, by contract code.' })
export class ContractPageModel {
  @Field(() => [ContractModel], { description: 'The contracts of this page.' })
  nodes!: ContractModel[];

  @Field(() => Int, { description: 'How many contracts match the filter in all.' })
  totalCount!: number;

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null on the last page.' })
  endCursor!: string | null;

  @Field({ description: 'More contracts follow this page.' })
  hasNextPage!: boolean;
}
