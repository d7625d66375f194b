import { UserEntity } from '@ledger/persistence';
import type { EntityManager } from 'typeorm';
import type { FailureStats, LoginOutcome } from './login-throttle';

/** The recent failures of an account and of an IP, as counted by `loginAttempts.failures`. */
export type FailureRow = {
  account_failures: number;
  account_last: Date | null;
  ip_failures: number;
  ip_last: Date | null;
};

/** The users a sign-in looks up (in the `login` scope). */
export const loginUsers = {
  /** The account with this (normalised) email, its password hash included (a column not selected by default). */
  byEmail(em: EntityManager, email: string): Promise<UserEntity | null> {
    return em
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email })
      .getOne();
  },
};

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
    )) as FailureRow[];
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
