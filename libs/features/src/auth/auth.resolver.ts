import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import type { Request } from 'express';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { LoginInput, SessionModel } from './auth.models';
import { AuthService } from './auth.service';
import { Public } from './public.decorator';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
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
}
