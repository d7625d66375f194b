import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DomainError } from '@ledger/kernel';
import { TenantDatabase, UserEntity } from '@ledger/persistence';
import { randomBytes } from 'crypto';
import { hashPassword, verifyPassword } from './password';
import type { TokenClaims } from './principal';
import type { SessionModel } from './auth.models';

@Injectable()
export class AuthService {
  /** Checked against when the email is unknown, so both failures cost the same time. */
  private readonly dummyHash = hashPassword(randomBytes(16).toString('hex'));

  constructor(
    private readonly db: TenantDatabase,
    private readonly jwt: JwtService,
  ) {}

  /** One message for an unknown email and a wrong password, so neither can be probed. */
  async login(email: string, password: string, ttlSeconds: number, now: Date): Promise<SessionModel> {
    const normalised = email.trim().toLowerCase();
    const user = await this.db.run({ kind: 'login', email: normalised }, (em) =>
      em.getRepository(UserEntity).createQueryBuilder('u').addSelect('u.passwordHash').where('u.email = :email', { email: normalised }).getOne(),
    );
    const ok = await verifyPassword(user?.passwordHash ?? (await this.dummyHash), password);
    if (!user || !ok) throw new DomainError('UNAUTHENTICATED', 'wrong email or password');
    const claims: TokenClaims = { sub: user.id, role: user.role, tid: user.tenantId, vid: user.vendorOrgId };
    const token = await this.jwt.signAsync(claims, { expiresIn: ttlSeconds });
    const { passwordHash: _omit, ...visible } = user;
    return { token, expiresAt: new Date(now.getTime() + ttlSeconds * 1000).toISOString(), user: visible };
  }
}
