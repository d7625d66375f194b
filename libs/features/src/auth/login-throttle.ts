import type { EntityManager } from 'typeorm';

/** How many failures open a lockout, over what window, and how long the lockout lasts (doubling, capped). */
export type ThrottlePolicy = {
  maxFailuresPerAccount: number;
  maxFailuresPerIp: number;
  windowSeconds: number;
  lockoutSeconds: number;
  lockoutMaxSeconds: number;
};

export type LoginOutcome = 'success' | 'failure' | 'throttled' | 'disabled';

/** Recent failures of one account (since its last success) and of one client IP, with the latest of each. */
export type FailureStats = {
  accountFailures: number;
  accountLast: Date | null;
  ipFailures: number;
  ipLast: Date | null;
};

/**
 * When the next attempt is allowed, or null when it is allowed now. After `max` failures the lockout is
 * `lockoutSeconds`, doubling with every further failure up to `lockoutMaxSeconds`, counted from the latest failure.
 */
export function lockedUntil(stats: FailureStats, policy: ThrottlePolicy): Date | null {
  const until = (failures: number, max: number, last: Date | null): number => {
    if (failures < max || !last) return 0;
    const seconds = Math.min(policy.lockoutMaxSeconds, policy.lockoutSeconds * 2 ** Math.min(failures - max, 30));
    return last.getTime() + seconds * 1000;
  };
  const t = Math.max(
    until(stats.accountFailures, policy.maxFailuresPerAccount, stats.accountLast),
    until(stats.ipFailures, policy.maxFailuresPerIp, stats.ipLast),
  );
  return t > 0 ? new Date(t) : null;
}

/**
 * The rows of `login_attempts` (run in the `login` scope: RLS shows only this email's and this IP's attempts).
 * An attempt is written as 'pending' before the password is checked, so concurrent guesses count against each other,
 * and settled afterwards; a pending row left by a crash counts as a failure.
 */
export const loginAttempts = {
  /** Serialises attempts on one account and one IP (across API instances) between the count and the insert. */
  async lock(em: EntityManager, email: string, ip: string): Promise<void> {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('login-email:' || $1))`, [email]);
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('login-ip:' || $1))`, [ip]);
  },

  async failures(
    em: EntityManager,
    email: string,
    ip: string,
    now: Date,
    windowSeconds: number,
  ): Promise<FailureStats> {
    const since = new Date(now.getTime() - windowSeconds * 1000);
    const [row] = (await em.query(
      `WITH recent AS (SELECT email, ip, at, outcome FROM login_attempts WHERE (email = $1 OR ip = $2) AND at > $3),
            reset AS (SELECT COALESCE(max(at), '-infinity') AS at FROM recent WHERE email = $1 AND outcome = 'success')
       SELECT count(*) FILTER (WHERE email = $1 AND at > (SELECT at FROM reset) AND outcome IN ('failure', 'pending'))::int AS account_failures,
              max(at) FILTER (WHERE email = $1 AND at > (SELECT at FROM reset) AND outcome IN ('failure', 'pending')) AS account_last,
              count(*) FILTER (WHERE ip = $2 AND outcome IN ('failure', 'pending'))::int AS ip_failures,
              max(at) FILTER (WHERE ip = $2 AND outcome IN ('failure', 'pending')) AS ip_last
         FROM recent`,
      [email, ip, since],
    )) as { account_failures: number; account_last: Date | null; ip_failures: number; ip_last: Date | null }[];
    return {
      accountFailures: row.account_failures,
      accountLast: row.account_last,
      ipFailures: row.ip_failures,
      ipLast: row.ip_last,
    };
  },

  async insert(
    em: EntityManager,
    row: {
      at: Date;
      email: string;
      ip: string;
      outcome: LoginOutcome | 'pending';
      userId: string | null;
      tenantId: string | null;
    },
  ): Promise<string> {
    const [inserted] = (await em.query(
      `INSERT INTO login_attempts (at, email, ip, outcome, user_id, tenant_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id::text AS id`,
      [row.at, row.email, row.ip, row.outcome, row.userId, row.tenantId],
    )) as { id: string }[];
    return inserted.id;
  },

  async settle(em: EntityManager, id: string, outcome: LoginOutcome): Promise<void> {
    await em.query(`UPDATE login_attempts SET outcome = $2 WHERE id = $1 AND outcome = 'pending'`, [id, outcome]);
  },
};
