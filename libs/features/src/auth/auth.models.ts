import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';

@ObjectType('User', { description: 'A user account: buyer staff, finance, vendor or platform admin.' })
export class UserModel {
  @Field(() => ID, { description: 'The user id (UUID).' })
  id!: string;

  @Field({ description: 'Sign-in email, unique.' })
  email!: string;

  @Field({ description: 'The name shown in the console.' })
  displayName!: string;

  @Field({ description: 'platform-admin | buyer-admin | buyer-staff | vendor | finance' })
  role!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The buyer tenant of a buyer or finance user; null for platform admins and vendors.',
  })
  tenantId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The vendor organisation of a vendor user; null for other roles.' })
  vendorOrgId!: string | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Set while the account is disabled (no sign-in; its sessions are refused).',
  })
  disabledAt?: Date | null;
}

@ObjectType('Session', { description: 'A signed-in session: the bearer token and who it belongs to.' })
export class SessionModel {
  @Field({ description: 'Send as `Authorization: Bearer <token>`.' })
  token!: string;

  @Field({ description: 'When the token expires, an ISO 8601 UTC instant.' })
  expiresAt!: string;

  @Field(() => UserModel, { description: 'The signed-in user.' })
  user!: UserModel;
}

@InputType({ description: 'Credentials to sign in with.' })
export class LoginInput {
  @Field({ description: 'The account email.' })
  email!: string;

  @Field({ description: 'The account password.' })
  password!: string;
}
