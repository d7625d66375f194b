import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DomainError } from '@ledger/kernel';
import { TenantDatabase } from '@ledger/persistence';
import { UUID } from '../graphql/ids';
import type { TokenClaims } from './principal';

/**
 * The one check of a session token, for GraphQL (AuthGuard) and the HTTP routes outside it (the queue board): a valid
 * signature, then the user's row — exists, not disabled, same role, tenant, vendor organisation and token version.
 */
@Injectable()
export class SessionVerifier {
  constructor(
    private readonly jwt: JwtService,
    private readonly db: TenantDatabase,
  ) {}

  async verify(token: string): Promise<TokenClaims> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      throw new DomainError('UNAUTHENTICATED', 'the session token is invalid or expired');
    }
    if (!(await this.stillValid(claims)))
      throw new DomainError('UNAUTHENTICATED', 'the session has ended: sign in again');
    return claims;
  }

  /**
   * One small read per request, no cache: a revoked, disabled, demoted, moved or deleted user is refused on the
   * very next request by every API instance (docs/decisions.md). One statement, one round trip (sessionUser).
   */
  private async stillValid(c: TokenClaims): Promise<boolean> {
    if (typeof c.sub !== 'string' || !UUID.test(c.sub) || typeof c.ver !== 'number') return false;
    const user = await this.db.sessionUser(c.sub);
    return (
      user !== undefined &&
      !user.disabled &&
      user.token_version === c.ver &&
      user.role === c.role &&
      user.tenant_id === (c.tid ?? null) &&
      user.vendor_org_id === (c.vid ?? null)
    );
  }
}
