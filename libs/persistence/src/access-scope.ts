/**
 * Who a transaction acts for. It is turned into transaction-local settings that the row-level security
 * policies read; nothing else decides what rows a query can see.
 */
export type AccessScope =
  | { kind: 'tenant'; tenantId: string; userId: string; operation?: string }
  | { kind: 'vendor'; vendorOrgId: string; userId: string; operation?: string }
  | { kind: 'platform'; userId: string | null; operation?: string }
  /** The system's own cross-tenant work (the job reconciler): no user, and never a signed-in caller's scope. */
  | { kind: 'system'; operation: string }
  /** Reads exactly the user rows with this email, to check a password, and the sign-in attempts of this email or IP. */
  | { kind: 'login'; email: string; ip?: string };

export type ScopeSettings = {
  'app.tenant_id': string;
  'app.vendor_org_id': string;
  'app.user_id': string;
  'app.platform_admin': string;
  'app.login_email': string;
  'app.login_ip': string;
  'app.operation': string;
  'app.system': string;
};

/** Every setting is written every time (empty when unused), so nothing leaks between scopes. */
export function scopeSettings(scope: AccessScope): ScopeSettings {
  const empty: ScopeSettings = {
    'app.tenant_id': '',
    'app.vendor_org_id': '',
    'app.user_id': '',
    'app.platform_admin': '',
    'app.login_email': '',
    'app.login_ip': '',
    'app.operation': '',
    'app.system': '',
  };
  switch (scope.kind) {
    case 'tenant':
      return {
        ...empty,
        'app.tenant_id': scope.tenantId,
        'app.user_id': scope.userId,
        'app.operation': scope.operation ?? '',
      };
    case 'vendor':
      return {
        ...empty,
        'app.vendor_org_id': scope.vendorOrgId,
        'app.user_id': scope.userId,
        'app.operation': scope.operation ?? '',
      };
    case 'platform':
      return {
        ...empty,
        'app.platform_admin': 'on',
        'app.user_id': scope.userId ?? '',
        'app.operation': scope.operation ?? '',
      };
    case 'system':
      return { ...empty, 'app.system': 'on', 'app.operation': scope.operation };
    case 'login':
      // The audit rows of the sign-in attempt name the operation; there is no actor yet.
      return {
        ...empty,
        'app.login_email': scope.email.trim().toLowerCase(),
        'app.login_ip': scope.ip ?? '',
        'app.operation': 'login',
      };
  }
}
