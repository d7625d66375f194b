import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { JsonScalar, type JsonValue } from '../graphql/json.scalar';
import { MoneyScalar } from '../graphql/money.scalar';

@ObjectType('ContractVersion', { description: 'One immutable configuration of a contract.' })
export class ContractVersionModel {
  @Field(() => Int)
  version!: number;

  @Field(() => JsonScalar)
  configuration!: JsonValue;

  @Field(() => String, { nullable: true })
  changeNote!: string | null;

  @Field(() => ID, { nullable: true })
  createdBy!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The author's display name, to show instead of the id; null when the caller may not read that user.",
  })
  createdByName!: string | null;

  @Field()
  createdAt!: Date;
}

@ObjectType('Contract')
export class ContractModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  tenantId!: string;

  @Field(() => String, {
    nullable: true,
    description: "The buyer agency's (tenant's) name, to show instead of the id.",
  })
  tenantName!: string | null;

  @Field(() => ID)
  vendorOrgId!: string;

  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  presetId!: string | null;

  @Field(() => Int)
  currentVersion!: number;

  @Field(() => MoneyScalar)
  amount!: string;

  @Field()
  termStart!: string;

  @Field()
  termEnd!: string;

  @Field(() => JsonScalar, { description: 'The configuration of the current version.' })
  configuration!: JsonValue;

  @Field(() => [ContractVersionModel], { description: 'Every version, oldest first; old versions stay readable.' })
  versions!: ContractVersionModel[];
}

@InputType()
export class CreateContractInput {
  @Field({ description: 'Unique within the tenant, e.g. "HA-2025-OM".' })
  code!: string;

  @Field()
  name!: string;

  @Field(() => ID)
  vendorOrgId!: string;

  @Field(() => ID, { nullable: true, description: 'Start from a preset …' })
  presetId?: string;

  @Field(() => JsonScalar, { nullable: true, description: '… or from a configuration in the configuration language.' })
  configuration?: JsonValue;
}

@InputType()
export class UpdateContractConfigurationInput {
  @Field(() => ID)
  contractId!: string;

  @Field(() => JsonScalar)
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
  @Field(() => [ContractModel])
  nodes!: ContractModel[];

  @Field(() => Int, { description: 'How many contracts match the filter in all.' })
  totalCount!: number;

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null on the last page.' })
  endCursor!: string | null;

  @Field()
  hasNextPage!: boolean;
}
