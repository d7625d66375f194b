/**
 * Crash-test hook: when LEDGER_FAULT_POINT names this point, the process kills itself with SIGKILL right there (no
 * cleanup, no rollback of its own — PostgreSQL rolls back the open transaction). The crash tests start a worker with
 * it set, then restart one without it. Ignored in production.
 */
export function faultPoint(name: string): void {
  if (process.env.NODE_ENV === 'production') return;
  if (process.env.LEDGER_FAULT_POINT === name) process.kill(process.pid, 'SIGKILL');
}
