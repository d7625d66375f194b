import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { JwtService } from '@nestjs/jwt';
import { DomainError } from '@ledger/kernel';
import { TenantDatabase, UserEntity } from '@ledger/persistence';
import type { Request } from 'express';
import { UUID } from '../graphql/ids';
import { principalFromClaims, type TokenClaims } from './principal';
import { IS_PUBLIC } from './public.decorator';
import { RequestContext } from './request-context.service';

/**
 * Verifies the bearer token on every operation not marked @Public, checks it against the user's row (exists, not
 * disabled, same role, tenant, vendor organisation and token version), and puts the principal in context.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly context: RequestContext,
    private readonly db: TenantDatabase,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [ctx.getHandler(), ctx.getClass()]);
    const gql = ctx.getType<string>() === 'graphql' ? GqlExecutionContext.create(ctx) : undefined;
    const req: Request | undefined = gql ? gql.getContext<{ req: Request }>().req : ctx.switchToHttp().getRequest<Request>();
    const header = req?.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7) : undefined;
    if (!token) {
      if (isPublic) return true;
      throw new DomainError('UNAUTHENTICATED', 'sign in first');
    }
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      throw new DomainError('UNAUTHENTICATED', 'the session token is invalid or expired');
    }
    if (!(await this.stillValid(claims))) throw new DomainError('UNAUTHENTICATED', 'the session has ended: sign in again');
    const principal = principalFromClaims(claims);
    // The GraphQL field name labels every audit row this operation writes.
    this.context.setPrincipal(principal, gql?.getInfo<{ fieldName: string }>().fieldName);
    // For the request log line only (ids, never the token).
    if (req) (req as Request & { principal?: typeof principal }).principal = principal;
    return true;
  }

  /**
   * One small read per request, no cache: a revoked, disabled, demoted, moved or deleted user is refused on the
   * very next request by every API instance (docs/decisions.md). The `session` scope sees only this user's row.
   */
  private async stillValid(c: TokenClaims): Promise<boolean> {
    if (typeof c.sub !== 'string' || !UUID.test(c.sub) || typeof c.ver !== 'number') return false;
    const user = await this.db.run({ kind: 'session', userId: c.sub }, (em) =>
      em.getRepository(UserEntity).findOne({ where: { id: c.sub }, select: { id: true, role: true, tenantId: true, vendorOrgId: true, disabledAt: true, tokenVersion: true } }),
    );
    return (
      user !== null &&
      user.disabledAt === null &&
      user.tokenVersion === c.ver &&
      user.role === c.role &&
      user.tenantId === (c.tid ?? null) &&
      user.vendorOrgId === (c.vid ?? null)
    );
  }
}
