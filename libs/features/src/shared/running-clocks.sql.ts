// SQL predicates over ticket_sla_clocks that several features read alike (the dashboard's tiles, the contract list's
// filter), so their counts agree.

/**
 * A running clock (alias `k`, a row of ticket_sla_clocks) that counts as an open breach at `now` (an SQL
 * expression): breached, past its deadline, or warned at 100 % by the SLA jobs. The dashboard's openBreaches and
 * contractSearch's openBreaches filter both read it, so the list's filter and its 未结超时 column agree.
 */
export const clockOverdueSql = (now: string): string =>
  `(k.status = 'breached' OR k.deadline <= ${now} OR EXISTS (SELECT 1 FROM notifications n WHERE n.tenant_id = k.tenant_id AND n.dedupe_key = 'sla-' || k.ticket_id || '-' || k.target_id || '-100'))`;

/** The running clocks of a contract (alias `c`) on open tickets, as the dashboard reads them (ticket_sla_clocks_running_idx). */
export const RUNNING_CLOCKS_SQL =
  'k.tenant_id = c.tenant_id AND k.contract_id = c.id AND k.is_current AND k.stop_month IS NULL AND k.ticket_open';
