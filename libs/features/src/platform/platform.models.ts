import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';

@ObjectType('Tenant', {
  description: 'A buyer agency; its contracts, users and data are kept apart from other tenants.',
})
export class TenantModel {
  @Field(() => ID, { description: 'The tenant id (UUID).' })
  id!: string;

  @Field({ description: 'Short unique code, e.g. "huaian-ybj".' })
  code!: string;

  @Field({ description: 'The agency name, e.g. 淮安市医疗保障局.' })
  name!: string;
}

@ObjectType('VendorOrganization', {
  description: 'A supplier that holds contracts; its vendor users see only those contracts.',
})
export class VendorOrganizationModel {
  @Field(() => ID, { description: 'The vendor organisation id (UUID).' })
  id!: string;

  @Field({ description: 'The supplier name.' })
  name!: string;
}

@InputType({ description: 'A new buyer agency.' })
export class CreateTenantInput {
  @Field({ description: 'Short unique code, e.g. "huaian-ybj".' })
  code!: string;

  @Field({ description: 'The agency name, e.g. 淮安市医疗保障局.' })
  name!: string;
}

@InputType({ description: 'A new supplier.' })
export class CreateVendorOrganizationInput {
  @Field({ description: 'The supplier name.' })
  name!: string;
}

@InputType({ description: 'A new user account.' })
export class CreateUserInput {
  @Field({ description: 'Sign-in email, unique.' })
  email!: string;

  @Field({ description: 'At least 10 characters.' })
  password!: string;

  @Field({ description: 'The name shown in the console.' })
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
