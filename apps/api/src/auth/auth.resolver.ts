import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Request } from 'express';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { PlatformService } from '../platform/platform.service';
import { LoginInput, SessionModel, UserModel } from './auth.models';
import { AuthService } from './auth.service';
import { Public } from './public.decorator';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly platform: PlatformService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Mutation(() => SessionModel, { description: 'Sign in with email and password; returns a bearer token.' })
  login(
    @Args('input', { description: 'Email and password.' }) input: LoginInput,
    @Context('req') req: Request | undefined,
  ): Promise<SessionModel> {
    // Express's view of the client address: behind a reverse proxy set `trust proxy` so it is the real client's.
    const ip = req?.ip ?? req?.socket?.remoteAddress ?? 'unknown';
    return this.auth.login(input.email, input.password, this.config.JWT_TTL_SECONDS, new Date(), ip);
  }

  @Query(() => UserModel, { description: 'The signed-in user.' })
  me(): Promise<UserModel> {
    return this.platform.me();
  }
}
