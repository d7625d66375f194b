import { KPI_EVENT_KINDS, kpiCategories, type LifecycleEvent, type ParsedConfig, type Ticket } from '@ledger/contracts';
import { MINUTE_MS, fixedOffsetMinutes, formatInstant } from '@ledger/sla';
import type { EntityManager } from 'typeorm';

const DAY_MS = 86_400_000;

/** The instant a local day starts on the contract's fixed-offset zone. */
const dayStart = (day: string, zone: string): Date =>
  new Date(Date.parse(`${day}T00:00:00Z`) - (fixedOffsetMinutes(zone) ?? 0) * MINUTE_MS);

type Row = { number: string; category: string; severity: string; kind: LifecycleEvent['kind']; at: Date };

/**
 * The tickets of the contract's KPI categories raised between `from` and `to` (local days), with the events the KPIs
 * read, as the pure lifecycle's tickets (id: the ticket number; instants on the contract's offset). None when the
 * contract has no KPI.
 */
export async function kpiTicketsOf(
  em: EntityManager,
  contractId: string,
  config: Pick<ParsedConfig, 'sla'>,
  window: { from: string; to: string },
  zone: string,
): Promise<Pick<Ticket, 'id' | 'category' | 'severity' | 'events'>[]> {
  const categories = kpiCategories(config);
  if (categories !== null && categories.length === 0) return [];
  const from = dayStart(window.from, zone);
  const to = new Date(dayStart(window.to, zone).getTime() + DAY_MS);
  const rows: Row[] = await em.query(
    `SELECT t.number, t.category, t.severity, e.kind, e.at
       FROM tickets t JOIN ticket_events e ON e.tenant_id = t.tenant_id AND e.ticket_id = t.id
      WHERE t.contract_id = $1
        AND ($2::jsonb IS NULL OR t.category IN (SELECT jsonb_array_elements_text($2::jsonb)))
        AND e.kind IN (SELECT jsonb_array_elements_text($3::jsonb))
        AND EXISTS (SELECT 1 FROM ticket_events s
                     WHERE s.tenant_id = t.tenant_id AND s.ticket_id = t.id AND s.kind = 'submitted' AND s.at >= $4 AND s.at < $5)
      ORDER BY t.number, e.seq`,
    [contractId, categories ? JSON.stringify(categories) : null, JSON.stringify(KPI_EVENT_KINDS), from, to],
  );
  const out = new Map<string, Pick<Ticket, 'id' | 'category' | 'severity' | 'events'>>();
  for (const r of rows) {
    let t = out.get(r.number);
    if (!t) out.set(r.number, (t = { id: r.number, category: r.category, severity: r.severity, events: [] }));
    t.events.push({ kind: r.kind, at: formatInstant(new Date(r.at).getTime(), zone), actor: 'vendor' });
  }
  return [...out.values()];
}

/**
 * A digest of what the KPIs of a close as of `asOf` read (the KPI categories' tickets and those events up to the end
 * of that local day): '' without KPIs, so a contract without them keeps the digest of a close that had none.
 */
export async function kpiTicketsDigest(
  em: EntityManager,
  contractId: string,
  config: Pick<ParsedConfig, 'sla'>,
  asOf: string,
  zone: string,
): Promise<string> {
  const categories = kpiCategories(config);
  if (categories !== null && categories.length === 0) return '';
  const [row]: { digest: string }[] = await em.query(
    `SELECT md5(coalesce(string_agg(concat_ws('|', t.number, t.category, e.kind, extract(epoch FROM e.at)), ',' ORDER BY t.number, e.seq), '')) AS digest
       FROM tickets t JOIN ticket_events e ON e.tenant_id = t.tenant_id AND e.ticket_id = t.id
      WHERE t.contract_id = $1
        AND ($2::jsonb IS NULL OR t.category IN (SELECT jsonb_array_elements_text($2::jsonb)))
        AND e.kind IN (SELECT jsonb_array_elements_text($3::jsonb))
        AND e.at < $4`,
    [
      contractId,
      categories ? JSON.stringify(categories) : null,
      JSON.stringify(KPI_EVENT_KINDS),
      new Date(dayStart(asOf, zone).getTime() + DAY_MS),
    ],
  );
  return row?.digest ?? '';
}
