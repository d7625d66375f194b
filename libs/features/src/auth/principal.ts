import type { AccessScope, UserRole } from '@ledger/persistence';

/** Who is calling, as the verified token says. The only source of tenant and vendor identity. */
export type Principal = {
  userId: string;
  role: UserRole;
  tenantId: string | null;
  vendorOrgId: string | null;
};

/**
 * The claims we sign; short names keep tokens small. `ver` is the user's token version at sign-in: the guard
 * refuses the token once the row's version has moved on (sessions revoked, user disabled).
 */
export type TokenClaims = { sub: string; role: UserRole; tid: string | null; vid: string | null; ver: number };

export function principalFromClaims(c: TokenClaims): Principal {
  return { userId: c.sub, role: c.role, tenantId: c.tid, vendorOrgId: c.vid };
}

/** The database scope of a principal: the row-level security policies do the rest. */
export function scopeOf(p: Principal, operation?: string): AccessScope {
  if (p.role === 'platform-admin') return { kind: 'platform', userId: p.userId, operation };
  if (p.role === 'vendor') {
    if (!p.vendorOrgId) throw new Error('a vendor principal without a vendor organisation');
    return { kind: 'vendor', vendorOrgId: p.vendorOrgId, userId: p.userId, operation };
  }
  if (!p.tenantId) throw new Error(`a ${p.role} principal without a tenant`);
  return { kind: 'tenant', tenantId: p.tenantId, userId: p.userId, operation };
}
