import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DomainError, problem } from '@ledger/kernel';
import { TenantDatabase } from '@ledger/persistence';
import { randomBytes } from 'crypto';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { loginAttempts, loginUsers } from './login.store';
import { lockedUntil, type LoginOutcome, type ThrottlePolicy } from './login-throttle';
import { hashPassword, verifyPassword } from './password';
import type { TokenClaims } from './principal';
import type { SessionModel } from './auth.models';

@Injectable()
export class AuthService {
  /** Checked against when the email is unknown, so both failures cost the same time. */
  private readonly dummyHash = hashPassword(randomBytes(16).toString('hex'));
  private readonly throttle: ThrottlePolicy;

  constructor(
    private readonly db: TenantDatabase,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.throttle = {
      maxFailuresPerAccount: config.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      maxFailuresPerIp: config.LOGIN_MAX_FAILURES_PER_IP,
      windowSeconds: config.LOGIN_FAILURE_WINDOW_SECONDS,
      lockoutSeconds: config.LOGIN_LOCKOUT_SECONDS,
      lockoutMaxSeconds: config.LOGIN_LOCKOUT_MAX_SECONDS,
    };
  }

  /**
   * One message for an unknown email and a wrong password, so neither can be probed. Every attempt is recorded in
   * `login_attempts` (audited); an account or client IP with too many recent failures is refused before the
   * password is even checked, a correct one included, until its lockout ends.
   */
  async login(email: string, password: string, ttlSeconds: number, now: Date, ip: string): Promise<SessionModel> {
    const normalised = email.trim().toLowerCase();
    // A blank email names no account (and no login_attempts row can be scoped to it): the same answer as a wrong one.
    if (normalised === '') throw new DomainError('UNAUTHENTICATED', 'wrong email or password');
    const scope = { kind: 'login' as const, email: normalised, ip };
    const begun = await this.db.run(scope, async (em) => {
      await loginAttempts.lock(em, normalised, ip);
      const user = await loginUsers.byEmail(em, normalised);
      const attempt = { at: now, email: normalised, ip, userId: user?.id ?? null, tenantId: user?.tenantId ?? null };
      const until = lockedUntil(
        await loginAttempts.failures(em, normalised, ip, now, this.throttle.windowSeconds),
        this.throttle,
      );
      if (until && until > now) {
        await loginAttempts.insert(em, { ...attempt, outcome: 'throttled' });
        return { throttledFor: Math.ceil((until.getTime() - now.getTime()) / 1000) };
      }
      return { user, attemptId: await loginAttempts.insert(em, { ...attempt, outcome: 'pending' }) };
    });
    if ('throttledFor' in begun) {
      const wait = begun.throttledFor;
      throw new DomainError('TOO_MANY_REQUESTS', `too many failed sign-ins: try again in ${wait} s`, [
        problem('input.email', 'auth.retryAfter', { seconds: wait }),
      ]);
    }
    const { user, attemptId } = begun;
    // The slow hash runs outside any transaction: no connection is held while it works.
    const ok = await verifyPassword(user?.passwordHash ?? (await this.dummyHash), password);
    const outcome: LoginOutcome = !user || !ok ? 'failure' : user.disabledAt ? 'disabled' : 'success';
    await this.db.run(scope, (em) => loginAttempts.settle(em, attemptId, outcome));
    if (!user || outcome === 'failure') throw new DomainError('UNAUTHENTICATED', 'wrong email or password');
    if (outcome === 'disabled') throw new DomainError('UNAUTHENTICATED', 'this account is disabled');
    const claims: TokenClaims = {
      sub: user.id,
      role: user.role,
      tid: user.tenantId,
      vid: user.vendorOrgId,
      ver: user.tokenVersion,
    };
    const token = await this.jwt.signAsync(claims, { expiresIn: ttlSeconds });
    const { passwordHash: _omit, ...visible } = user;
    return { token, expiresAt: new Date(now.getTime() + ttlSeconds * 1000).toISOString(), user: visible };
  }
}
