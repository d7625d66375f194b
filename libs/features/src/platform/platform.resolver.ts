import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { UserModel } from '../auth/auth.models';
import {
  CreateTenantInput,
  CreateUserInput,
  CreateVendorOrganizationInput,
  TenantModel,
  VendorOrganizationModel,
} from './platform.models';
import { createTenantArgs, createUserArgs, createVendorOrganizationArgs } from './platform.schemas';
import { PlatformService } from './platform.service';
import { ValidateInput } from '../graphql/validate-input.interceptor';

@Resolver()
export class PlatformResolver {
  constructor(private readonly platform: PlatformService) {}

  @Mutation(() => TenantModel, { description: 'Platform admin: add a buyer agency.' })
  @ValidateInput(createTenantArgs)
  createTenant(@Args('input', { description: 'Code and name.' }) input: CreateTenantInput): Promise<TenantModel> {
    return this.platform.createTenant(input);
  }

  @Query(() => UserModel, { description: 'The signed-in user.' })
  me(): Promise<UserModel> {
    return this.platform.me();
  }

  @Query(() => [TenantModel], { description: 'Platform admin: every tenant.' })
  tenants(): Promise<TenantModel[]> {
    return this.platform.tenants();
  }

  @Mutation(() => VendorOrganizationModel, { description: 'Platform admin: add a supplier.' })
  @ValidateInput(createVendorOrganizationArgs)
  createVendorOrganization(
    @Args('input', { description: 'The supplier.' }) input: CreateVendorOrganizationInput,
  ): Promise<VendorOrganizationModel> {
    return this.platform.createVendorOrganization(input);
  }

  @Query(() => [VendorOrganizationModel], { description: 'The supplier directory.' })
  vendorOrganizations(): Promise<VendorOrganizationModel[]> {
    return this.platform.vendorOrganizations();
  }

  @Query(() => VendorOrganizationModel, { description: 'One supplier by id.' })
  vendorOrganization(
    @Args('id', { type: () => ID, description: 'The vendor organisation id.' }) id: string,
  ): Promise<VendorOrganizationModel> {
    return this.platform.vendorOrganization(id);
  }

  @Mutation(() => UserModel, {
    description: 'Platform admin: add a user of any role. Buyer admin: add a buyer or finance user to its own tenant.',
  })
  @ValidateInput(createUserArgs, 'defer')
  createUser(@Args('input', { description: 'The account to create.' }) input: CreateUserInput): Promise<UserModel> {
    return this.platform.createUser(input);
  }

  @Query(() => [UserModel], { description: "Platform admin: every user. Buyer admin: its tenant's users." })
  users(): Promise<UserModel[]> {
    return this.platform.users();
  }

  @Mutation(() => UserModel, {
    description:
      "Disable a user: no sign-in, and every session of theirs is refused at once. Platform admin: any user; buyer admin: its tenant's users.",
  })
  disableUser(@Args('id', { type: () => ID, description: 'The user to disable.' }) id: string): Promise<UserModel> {
    return this.platform.setUserDisabled(id, true);
  }

  @Mutation(() => UserModel, {
    description:
      "Enable a disabled user again (they sign in afresh; old sessions stay ended). Platform admin: any user; buyer admin: its tenant's users.",
  })
  enableUser(@Args('id', { type: () => ID, description: 'The user to enable.' }) id: string): Promise<UserModel> {
    return this.platform.setUserDisabled(id, false);
  }

  @Mutation(() => UserModel, {
    description:
      "Sign out everywhere: every token issued to the user so far is refused. Without an id, or with one's own: oneself (any role). Platform admin: any user; buyer admin: its tenant's users.",
  })
  revokeUserSessions(
    @Args('id', { type: () => ID, nullable: true, description: 'The user; absent = oneself.' }) id?: string,
  ): Promise<UserModel> {
    return this.platform.revokeUserSessions(id ?? undefined);
  }
}
