import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { DomainError } from '@ledger/kernel';
import type { Request } from 'express';
import { principalFromClaims } from './principal';
import { IS_PUBLIC } from './public.decorator';
import { RequestContext } from './request-context.service';
import { SessionVerifier } from './session-verifier';

/**
 * Verifies the bearer token on every operation not marked @Public, checks it against the user's row (exists, not
 * disabled, same role, tenant, vendor organisation and token version), and puts the principal in context.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly context: RequestContext,
    private readonly sessions: SessionVerifier,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [ctx.getHandler(), ctx.getClass()]);
    const gql = ctx.getType<string>() === 'graphql' ? GqlExecutionContext.create(ctx) : undefined;
    const req: Request | undefined = gql
      ? gql.getContext<{ req: Request }>().req
      : ctx.switchToHttp().getRequest<Request>();
    const header = req?.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7) : undefined;
    if (!token) {
      if (isPublic) return true;
      throw new DomainError('UNAUTHENTICATED', 'sign in first');
    }
    const claims = await this.sessions.verify(token);
    const principal = principalFromClaims(claims);
    // The GraphQL field name labels every audit row this operation writes.
    this.context.setPrincipal(principal, gql?.getInfo<{ fieldName: string }>().fieldName);
    // For the request log line only (ids, never the token).
    if (req) (req as Request & { principal?: typeof principal }).principal = principal;
    return true;
  }
}
