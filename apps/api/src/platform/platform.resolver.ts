import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { UserModel } from '../auth/auth.models';
import { CreateTenantInput, CreateUserInput, CreateVendorOrganizationInput, TenantModel, VendorOrganizationModel } from './platform.models';
import { PlatformService } from './platform.service';

@Resolver()
export class PlatformResolver {
  constructor(private readonly platform: PlatformService) {}

  @Mutation(() => TenantModel, { description: 'Platform admin: add a buyer agency.' })
  createTenant(@Args('input') input: CreateTenantInput): Promise<TenantModel> {
    return this.platform.createTenant(input);
  }

  @Query(() => [TenantModel], { description: 'Platform admin: every tenant.' })
  tenants(): Promise<TenantModel[]> {
    return this.platform.tenants();
  }

  @Mutation(() => VendorOrganizationModel, { description: 'Platform admin: add a supplier.' })
  createVendorOrganization(@Args('input') input: CreateVendorOrganizationInput): Promise<VendorOrganizationModel> {
    return this.platform.createVendorOrganization(input);
  }

  @Query(() => [VendorOrganizationModel], { description: 'The supplier directory.' })
  vendorOrganizations(): Promise<VendorOrganizationModel[]> {
    return this.platform.vendorOrganizations();
  }

  @Query(() => VendorOrganizationModel)
  vendorOrganization(@Args('id', { type: () => ID }) id: string): Promise<VendorOrganizationModel> {
    return this.platform.vendorOrganization(id);
  }

  @Mutation(() => UserModel, { description: 'Platform admin: add a user of any role. Buyer admin: add a buyer or finance user to its own tenant.' })
  createUser(@Args('input') input: CreateUserInput): Promise<UserModel> {
    return this.platform.createUser(input);
  }
}
