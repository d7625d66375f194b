import { z } from 'zod';

/*
 * The queues, their job names and payloads: the one place the API (which enqueues) and the worker (which
 * processes) agree on. Payloads carry ids and the tenant id only; everything else is read inside the tenant's
 * transaction when the job runs, so a job never acts on stale or client-supplied data.
 */

const uuid = z.string().uuid();

export const JOB_DEFINITIONS = {
  /** Recompute one ticket's SLA results after an event (and raise its 75 % / 100 % warnings). */
  'ticket-sla': {
    queue: 'sla',
    payload: z.strictObject({ tenantId: uuid, ticketId: uuid, eventCount: z.number().int().min(0) }),
  },
  /**
   * The `ticket-sla` work of a bulk import, one job per slice of the import's tickets (ticket ids from `fromTicketId`
   * to `toTicketId`, both included, in uuid order): each ticket evaluated at the point of its history the import left.
   */
  'ticket-sla-batch': {
    queue: 'sla',
    payload: z.strictObject({ tenantId: uuid, contractId: uuid, importId: uuid, fromTicketId: uuid, toTicketId: uuid }),
  },
  /** Scan a tenant's running clocks for the 75 % and 100 % warnings (repeatable, one per tenant). */
  'sla-scan': { queue: 'sla', payload: z.strictObject({ tenantId: uuid, at: z.string().datetime() }) },
  /** Compute a requested period close: assessment, flags, deductions → a draft. */
  'close-period': { queue: 'period-close', payload: z.strictObject({ tenantId: uuid, closeId: uuid }) },
  /** Recompute a contract's payment schedule from its confirmed closes, adjustments and payments. */
  'recompute-schedule': { queue: 'schedule', payload: z.strictObject({ tenantId: uuid, contractId: uuid }) },
  /** Read, validate and store an uploaded ticket import file (ticket_imports row), recording its progress. */
  'import-tickets': { queue: 'import', payload: z.strictObject({ tenantId: uuid, importId: uuid }) },
  /**
   * Recompute a tenant's stored SLA results (and warnings) whose calendar version differs from the current national
   * calendar on the days it changed (a year published, a correction); in batches of results after `after` (id order).
   */
  'calendar-recompute': {
    queue: 'sla',
    payload: z.strictObject({ tenantId: uuid, nationalVersion: z.string().min(1), after: uuid.nullable() }),
  },
  /** Check a contract's free-work allowances after work was logged, and raise the 80 % / 100 % / beyond warnings. */
  'allowance-check': { queue: 'schedule', payload: z.strictObject({ tenantId: uuid, contractId: uuid, workId: uuid }) },
  /** Move a contract's open tickets onto the version of an sla_revisions row, recomputing their SLA (old results kept). */
  'sla-revision': { queue: 'sla', payload: z.strictObject({ tenantId: uuid, revisionId: uuid }) },
  /** Render a finance export (CSV or XLSX) of payment schedules. */
  'render-export': { queue: 'export', payload: z.strictObject({ tenantId: uuid, exportId: uuid }) },
} as const;

export type JobName = keyof typeof JOB_DEFINITIONS;
export type JobPayload<N extends JobName> = z.infer<(typeof JOB_DEFINITIONS)[N]['payload']>;
export type QueueName = (typeof JOB_DEFINITIONS)[JobName]['queue'];

export const JOB_NAMES = Object.keys(JOB_DEFINITIONS) as JobName[];
export const QUEUE_NAMES: readonly QueueName[] = [...new Set(JOB_NAMES.map((n) => JOB_DEFINITIONS[n].queue))];

export const queueOf = (name: JobName): QueueName => JOB_DEFINITIONS[name].queue;
export const jobNamesOf = (queue: QueueName): JobName[] => JOB_NAMES.filter((n) => JOB_DEFINITIONS[n].queue === queue);

export function isJobName(name: string): name is JobName {
  return Object.prototype.hasOwnProperty.call(JOB_DEFINITIONS, name);
}

/** Parses a payload; throws the zod error (the worker treats it as unrecoverable). */
export function parseJobPayload<N extends JobName>(name: N, data: unknown): JobPayload<N> {
  return JOB_DEFINITIONS[name].payload.parse(data) as JobPayload<N>;
}

/**
 * Deterministic job ids. BullMQ ignores an add whose id exists, and forbids ':' in ids; the id is also the key of
 * the jobs table (the outbox) and of the advisory lock the job's transaction takes.
 */
export const jobIds = {
  closePeriod: (k: { tenantId: string; contractId: string; period: string; configVersion: number; revision: number }) =>
    `close-${k.tenantId}-${k.contractId}-${k.period}-v${k.configVersion}-r${k.revision}`,
  ticketSla: (k: { tenantId: string; ticketId: string; eventCount: number }) =>
    `sla-${k.tenantId}-${k.ticketId}-e${k.eventCount}`,
  ticketSlaBatch: (k: { tenantId: string; importId: string; fromTicketId: string }) =>
    `sla-import-${k.tenantId}-${k.importId}-${k.fromTicketId}`,
  slaScan: (k: { tenantId: string; slot: string }) => `scan-${k.tenantId}-${k.slot}`,
  schedule: (k: { tenantId: string; contractId: string; trigger: string }) =>
    `schedule-${k.tenantId}-${k.contractId}-${k.trigger}`,
  export: (k: { tenantId: string; exportId: string }) => `export-${k.tenantId}-${k.exportId}`,
  allowanceCheck: (k: { tenantId: string; workId: string }) => `allowance-${k.tenantId}-${k.workId}`,
  slaRevision: (k: { tenantId: string; revisionId: string }) => `revision-${k.tenantId}-${k.revisionId}`,
  ticketImport: (k: { tenantId: string; importId: string }) => `import-${k.tenantId}-${k.importId}`,
  /** One per tenant, national version (as its hash: versions hold '+' and '@') and batch start. */
  calendarRecompute: (k: { tenantId: string; versionHash: string; after: string | null }) =>
    `calendar-${k.tenantId}-${k.versionHash}-${k.after ?? 'first'}`,
};

/** A job id is safe for BullMQ and the jobs table: letters, digits, '.', '_' and '-' only. */
export const JOB_ID_PATTERN = /^[A-Za-z0-9._-]+$/;
