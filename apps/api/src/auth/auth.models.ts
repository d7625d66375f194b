import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';

@ObjectType('User')
export class UserModel {
  @Field(() => ID)
  id!: string;

  @Field()
  email!: string;

  @Field()
  displayName!: string;

  @Field({ description: 'platform-admin | buyer-admin | buyer-staff | vendor | finance' })
  role!: string;

  @Field(() => ID, { nullable: true })
  tenantId!: string | null;

  @Field(() => ID, { nullable: true })
  vendorOrgId!: string | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Set while the account is disabled (no sign-in; its sessions are refused).',
  })
  disabledAt?: Date | null;
}

@ObjectType()
export class SessionModel {
  @Field({ description: 'Send as `Authorization: Bearer <token>`.' })
  token!: string;

  @Field()
  expiresAt!: string;

  @Field(() => UserModel)
  user!: UserModel;
}

@InputType()
export class LoginInput {
  @Field()
  email!: string;

  @Field()
  password!: string;
}
