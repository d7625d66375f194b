import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';

@ObjectType('Tenant')
export class TenantModel {
  @Field(() => ID)
  id!: string;

  @Field()
  code!: string;

  @Field()
  name!: string;
}

@ObjectType('VendorOrganization')
export class VendorOrganizationModel {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;
}

@InputType()
export class CreateTenantInput {
  @Field({ description: 'Short unique code, e.g. "huaian-ybj".' })
  code!: string;

  @Field({ description: 'The agency name, e.g. 淮安市医疗保障局.' })
  name!: string;
}

@InputType()
export class CreateVendorOrganizationInput {
  @Field()
  name!: string;
}

@InputType()
export class CreateUserInput {
  @Field()
  email!: string;

  @Field({ description: 'At least 10 characters.' })
  password!: string;

  @Field()
  displayName!: string;

  @Field({ description: 'platform-admin | buyer-admin | buyer-staff | vendor | finance' })
  role!: string;

  @Field(() => ID, {
    nullable: true,
    description: "The tenant of a buyer or finance user (platform admin; a buyer admin's users join its own tenant).",
  })
  tenantId?: string;

  @Field(() => ID, { nullable: true, description: 'The vendor organisation of a vendor user (platform admin only).' })
  vendorOrgId?: string;
}
