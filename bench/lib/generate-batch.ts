/**
 * Tickets of one contract as COPY text, a batch at a time: the `tickets`, `ticket_events` and `ticket_sla_results`
 * rows the product would have stored for them. Pure CPU work (no I/O), so it runs in worker threads as well as in
 * the loading thread (bench/lib/generate-worker.ts). Everything is a function of (seed, contract, ticket index):
 * batch sizes, worker counts and the order of the work never change a row.
 */
import {
  calendarOf,
  evaluateTicket,
  getPreset,
  parseContractConfig,
  validateContractConfig,
  type ParsedConfig,
} from '@ledger/contracts';
import { type GoverningConfig } from '@ledger/features';
import { copyJson, copyValue } from './generate-copy';
import { Rng } from './generate-rng';
import { generateTicket, ticketContext, type TicketContext } from './generate-tickets';

export type PresetConfig = {
  config: ParsedConfig & { version: number };
  stored: Record<string, unknown>;
  amount: string;
  title: string;
};
const presetCache = new Map<string, PresetConfig>();

/** A preset's configuration version 1, as the API stores it (the preset JSON plus `version: 1`) and parses it. */
export function presetConfig(presetId: string): PresetConfig {
  const hit = presetCache.get(presetId);
  if (hit) return hit;
  const preset = getPreset(presetId);
  const check = validateContractConfig(preset.config);
  if (!check.ok)
    throw new Error(`preset ${presetId} does not validate: ${check.problems[0].path} ${check.problems[0].message}`);
  const stored: Record<string, unknown> = { ...preset.config, version: 1 };
  const config = { ...parseContractConfig(stored), version: 1 } as ParsedConfig & { version: number };
  const out = { config, stored, amount: String(check.config.money.amount), title: preset.title };
  presetCache.set(presetId, out);
  return out;
}

export type ContractRef = { tenantId: string; contractId: string; presetId: string };
/** Who acts: the tenant's buyer admin (buyer side), the vendor organisation's user (vendor side); the contract's version. */
export type Actors = { buyerUserId: string; vendorUserId: string; version: number };

/** Everything a batch needs, serialisable (it is sent to the worker threads). */
export type BatchSpec = {
  c: ContractRef;
  actors: Actors;
  seed: number;
  count: number;
  nowMs: number;
  prefix?: string;
  /** Store the tickets' SLA results (default true); false: as if the SLA jobs had not run yet. */
  slaResults?: boolean;
};
export type BatchText = {
  start: number;
  size: number;
  tickets: string;
  events: string;
  sla: string;
  eventCount: number;
  slaCount: number;
};
/** A batch as the loaders take it: text from the loading thread, bytes from a worker. */
export type BatchData = Omit<BatchText, 'tickets' | 'events' | 'sla'> & {
  tickets: string | Uint8Array;
  events: string | Uint8Array;
  sla: string | Uint8Array;
};

export type BatchMaker = { spec: BatchSpec; ctx: TicketContext; gov: GoverningConfig; contractKey: number };

export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

export function batchMaker(spec: BatchSpec): BatchMaker {
  const p = presetConfig(spec.c.presetId);
  const calendar = calendarOf(p.config);
  const ctx = ticketContext(spec.c.presetId, p.config, calendar, spec.nowMs, spec.count);
  return {
    spec,
    ctx,
    gov: { config: p.config, calendar, version: spec.actors.version },
    contractKey: hashString(spec.c.contractId),
  };
}

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * Tickets [start, start + size) as COPY text. Events are in the order of their instants across the batch (as a
 * ledger records them, interleaved between tickets), not ticket by ticket.
 */
export function ticketBatchText(m: BatchMaker, start: number, size: number): BatchText {
  const { spec, ctx, gov } = m;
  const { c, actors } = spec;
  const head = `${c.tenantId}\t${c.contractId}\t`;
  const computedAt = iso(spec.nowMs);
  const ticketLines: string[] = [];
  const slaLines: string[] = [];
  const events: { ms: number; line: string }[] = [];
  for (let i = start; i < start + size; i++) {
    const g = generateTicket(ctx, spec.seed, i, spec.prefix);
    const ids = new Rng(spec.seed, 0x1d5, m.contractKey, i);
    const id = ids.uuid();
    const t = g.ticket;
    ticketLines.push(
      `${head}${id}\t${copyValue(t.id)}\t${copyValue(t.title ?? null)}\t${copyValue(t.category)}\t${copyValue(t.businessArea ?? null)}\t${copyValue(t.severity)}\t${t.specialAttention ? 't' : 'f'}\t${t.expectedCloseDate ?? '\\N'}\t${t.extendedTo ?? '\\N'}\t${t.state}\t${t.checklist ? copyJson(t.checklist) : '\\N'}\t${actors.version}\tapi\t${actors.buyerUserId}\t${iso(g.submittedMs)}\t${iso(g.lastMs)}\n`,
    );
    for (let s = 0; s < g.events.length; s++) {
      const e = g.events[s];
      const at = iso(e.ms);
      events.push({
        ms: e.ms,
        line: `${head}${id}\t${ids.uuid()}\t${s + 1}\t${e.kind}\t${at}\t${e.actor === 'buyer' ? actors.buyerUserId : actors.vendorUserId}\t${e.actor}\t${copyValue(e.note ?? null)}\t${e.data ? copyJson(e.data) : '\\N'}\t${at}\n`,
      });
    }
    // The SLA job's own evaluation (evaluateTicket → evaluateTicketSla) of the whole history, at `now`.
    const ev = spec.slaResults === false ? null : evaluateTicket(t, gov, spec.nowMs);
    if (ev?.ok) {
      slaLines.push(
        `${head}${id}\t${g.events.length}\t${gov.version}\t${copyValue(ev.result.calendarVersion)}\t${ev.status}\t${copyJson(ev.result.targets)}\t${ev.result.evaluatedAt}\t${computedAt}\n`,
      );
    }
  }
  events.sort((a, b) => a.ms - b.ms);
  return {
    start,
    size,
    tickets: ticketLines.join(''),
    events: events.map((e) => e.line).join(''),
    sla: slaLines.join(''),
    eventCount: events.length,
    slaCount: slaLines.length,
  };
}

export const TICKET_COLUMNS = [
  'tenant_id',
  'contract_id',
  'id',
  'number',
  'title',
  'category',
  'business_area',
  'severity',
  'special_attention',
  'expected_close_date',
  'extended_to',
  'state',
  'checklist',
  'config_version',
  'source',
  'created_by',
  'created_at',
  'updated_at',
];
export const EVENT_COLUMNS = [
  'tenant_id',
  'contract_id',
  'ticket_id',
  'id',
  'seq',
  'kind',
  'at',
  'actor_user_id',
  'actor_side',
  'note',
  'payload',
  'recorded_at',
];
export const SLA_COLUMNS = [
  'tenant_id',
  'contract_id',
  'ticket_id',
  'event_count',
  'config_version',
  'calendar_version',
  'status',
  'targets',
  'evaluated_at',
  'computed_at',
];
