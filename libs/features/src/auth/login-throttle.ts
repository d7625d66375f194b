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
