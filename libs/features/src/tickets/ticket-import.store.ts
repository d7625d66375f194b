import type { TicketEntity } from '@ledger/persistence';
import type { EntityManager } from 'typeorm';

/*
 * The rows of a ticket import: the ticket_imports row (file, status, progress, problems) and the bulk inserts of its
 * tickets and events. Every function runs in the caller's transaction and scope (row-level security decides).
 */

export type TicketImportStatus = 'queued' | 'reading' | 'storing' | 'completed' | 'failed';
export type TicketImportMode = 'all-or-nothing' | 'partial';
/** A row problem as stored (jsonb): its code and parameters re-render in either language later. */
export type StoredProblem = { path: string; code?: string; params?: Record<string, string>; message: string };

export type TicketImportRow = {
  id: string;
  tenantId: string;
  contractId: string;
  fileName: string | null;
  format: 'csv' | 'xlsx';
  mode: TicketImportMode;
  byteSize: number;
  status: TicketImportStatus;
  rowsRead: number;
  rowsValidated: number;
  rowsImported: number;
  problemCount: number;
  problems: StoredProblem[];
  error: string | null;
  jobId: string;
  requestedBy: string;
  createdAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
  /** The job's own state (jobs row): a job that failed for good leaves the import unfinished. */
  jobStatus: 'queued' | 'completed' | 'failed' | null;
  jobError: string | null;
};

/** At most this many problems are stored with an import (all are counted): the first ones are what a person fixes first. */
export const MAX_STORED_PROBLEMS = 1000;

type Row = {
  id: string;
  tenant_id: string;
  contract_id: string;
  file_name: string | null;
  format: 'csv' | 'xlsx';
  mode: TicketImportMode;
  byte_size: number;
  status: TicketImportStatus;
  rows_read: number;
  rows_validated: number;
  rows_imported: number;
  problem_count: number;
  problems: StoredProblem[];
  error: string | null;
  job_id: string;
  requested_by: string;
  created_at: Date;
  updated_at: Date;
  completed_at: Date | null;
  job_status: TicketImportRow['jobStatus'];
  job_error: string | null;
};

const COLUMNS = `i.id, i.tenant_id, i.contract_id, i.file_name, i.format, i.mode, i.byte_size, i.status, i.rows_read, i.rows_validated, i.rows_imported,
  i.problem_count, i.problems, i.error, i.job_id, i.requested_by, i.created_at, i.updated_at, i.completed_at, j.status AS job_status, j.last_error AS job_error`;

const toRow = (r: Row): TicketImportRow => ({
  id: r.id,
  tenantId: r.tenant_id,
  contractId: r.contract_id,
  fileName: r.file_name,
  format: r.format,
  mode: r.mode,
  byteSize: r.byte_size,
  status: r.status,
  rowsRead: r.rows_read,
  rowsValidated: r.rows_validated,
  rowsImported: r.rows_imported,
  problemCount: r.problem_count,
  problems: r.problems,
  error: r.error,
  jobId: r.job_id,
  requestedBy: r.requested_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  completedAt: r.completed_at,
  jobStatus: r.job_status,
  jobError: r.job_error,
});

export type NewTicketImport = {
  id: string;
  tenantId: string;
  contractId: string;
  fileName: string | null;
  format: 'csv' | 'xlsx';
  mode: TicketImportMode;
  content: Buffer;
  jobId: string;
  requestedBy: string;
};

/** What every ticket of one bulk insert shares (one contract, one configuration version, one importing user). */
export type BulkTicketCommon = {
  tenantId: string;
  contractId: string;
  configVersion: number;
  source: 'api' | 'import';
  createdBy: string | null;
  importId: string | null;
};

/** One ticket of a bulk insert; its id is chosen by the caller so that its events can name it without a round trip. */
export type BulkTicket = Pick<
  TicketEntity,
  | 'id'
  | 'number'
  | 'title'
  | 'category'
  | 'businessArea'
  | 'severity'
  | 'specialAttention'
  | 'expectedCloseDate'
  | 'extendedTo'
  | 'state'
  | 'checklist'
> & {
  /** Events the import gave the ticket (tickets.import_event_count); null outside an import. */
  importEventCount: number | null;
};

/** One event of a bulk insert; `at` is an ISO instant with its offset. */
export type BulkTicketEvent = {
  ticketId: string;
  seq: number;
  kind: string;
  at: string;
  actorSide: 'buyer' | 'vendor';
  note: string | null;
  payload: Record<string, string | boolean> | null;
};

/**
 * Rows per statement of a bulk insert: one `INSERT … SELECT FROM unnest($n::type[], …)` carries this many rows as a
 * handful of array parameters (the protocol's 65 535-parameter limit does not apply to array elements). Large enough
 * that the per-statement round trip and planning vanish, small enough that one statement's arrays stay a few MB.
 */
export const TICKETS_PER_STATEMENT = 5000;
export const EVENTS_PER_STATEMENT = 40000;

/** The contract's current version and its configuration (jsonb, parsed by the caller). */
export type ImportContractRow = { current_version: number; configuration: unknown };

export const TicketImportStore = {
  /** The contract's current configuration (what an import is validated against); null when the contract is gone. */
  async currentConfiguration(
    em: EntityManager,
    tenantId: string,
    contractId: string,
  ): Promise<ImportContractRow | null> {
    const rows: ImportContractRow[] = await em.query(
      `SELECT c.current_version, v.configuration FROM contracts c JOIN contract_versions v ON v.tenant_id = c.tenant_id AND v.contract_id = c.id AND v.version = c.current_version WHERE c.tenant_id = $1 AND c.id = $2`,
      [tenantId, contractId],
    );
    return rows[0] ?? null;
  },

  async insert(em: EntityManager, i: NewTicketImport): Promise<void> {
    await em.query(
      `INSERT INTO ticket_imports (id, tenant_id, contract_id, file_name, format, mode, byte_size, content, job_id, requested_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        i.id,
        i.tenantId,
        i.contractId,
        i.fileName,
        i.format,
        i.mode,
        i.content.length,
        i.content,
        i.jobId,
        i.requestedBy,
      ],
    );
  },

  /** The import as its owner sees it (RLS), with its job's state; null when absent or out of reach. */
  async get(em: EntityManager, id: string): Promise<TicketImportRow | null> {
    const rows: Row[] = await em.query(
      `SELECT ${COLUMNS} FROM ticket_imports i LEFT JOIN jobs j ON j.id = i.job_id WHERE i.id = $1`,
      [id],
    );
    return rows[0] ? toRow(rows[0]) : null;
  },

  /** The import locked for its job, with the file (null once finished). */
  async claim(
    em: EntityManager,
    tenantId: string,
    id: string,
  ): Promise<(TicketImportRow & { content: Buffer | null }) | null> {
    const rows: (Row & { content: Buffer | null })[] = await em.query(
      `SELECT ${COLUMNS}, i.content FROM ticket_imports i LEFT JOIN jobs j ON j.id = i.job_id WHERE i.id = $1 AND i.tenant_id = $2 FOR UPDATE OF i`,
      [id, tenantId],
    );
    return rows[0] ? { ...toRow(rows[0]), content: rows[0].content } : null;
  },

  /** Progress of an unfinished import (committed by the caller's short transaction, so a poll sees it). */
  async progress(
    em: EntityManager,
    id: string,
    p: { status: 'reading' | 'storing'; rowsRead: number; rowsValidated: number; problemCount: number },
  ): Promise<void> {
    await em.query(
      `UPDATE ticket_imports SET status = $2, rows_read = $3, rows_validated = $4, problem_count = $5, updated_at = now() WHERE id = $1 AND status IN ('queued', 'reading', 'storing')`,
      [id, p.status, p.rowsRead, p.rowsValidated, p.problemCount],
    );
  },

  /** The end of an import, written once: its counts and (the first) problems; the file bytes are dropped. */
  async finish(
    em: EntityManager,
    id: string,
    r: {
      status: 'completed' | 'failed';
      rowsRead: number;
      rowsValidated: number;
      rowsImported: number;
      problemCount: number;
      problems: readonly StoredProblem[];
      error: string | null;
    },
  ): Promise<void> {
    await em.query(
      `UPDATE ticket_imports SET status = $2, rows_read = $3, rows_validated = $4, rows_imported = $5, problem_count = $6, problems = $7, error = $8,
         content = NULL, updated_at = now(), completed_at = now()
       WHERE id = $1 AND status IN ('queued', 'reading', 'storing')`,
      [
        id,
        r.status,
        r.rowsRead,
        r.rowsValidated,
        r.rowsImported,
        r.problemCount,
        JSON.stringify(r.problems.slice(0, MAX_STORED_PROBLEMS)),
        r.error?.slice(0, 2000) ?? null,
      ],
    );
  },

  /** Which of the given numbers are taken on the contract (an import checks its own numbers, not the whole ledger). */
  async takenNumbers(
    em: EntityManager,
    tenantId: string,
    contractId: string,
    numbers: readonly string[],
  ): Promise<string[]> {
    if (numbers.length === 0) return [];
    const rows: { number: string }[] = await em.query(
      `SELECT number FROM tickets WHERE tenant_id = $1 AND contract_id = $2 AND number = ANY($3::text[])`,
      [tenantId, contractId, [...numbers]],
    );
    return rows.map((r) => r.number);
  },

  /**
   * Many tickets of one contract in a few multi-row statements (`TICKETS_PER_STATEMENT` rows each): the same rows,
   * constraints, row-level security and audit trigger as one INSERT per ticket, without a round trip per row.
   */
  async insertTickets(em: EntityManager, common: BulkTicketCommon, rows: readonly BulkTicket[]): Promise<void> {
    for (let i = 0; i < rows.length; i += TICKETS_PER_STATEMENT) {
      const chunk = rows.slice(i, i + TICKETS_PER_STATEMENT);
      const col = <T>(f: (r: BulkTicket) => T): T[] => chunk.map(f);
      await em.query(
        `INSERT INTO tickets (tenant_id, contract_id, config_version, source, created_by, import_id,
           id, number, title, category, business_area, severity, special_attention, expected_close_date, extended_to, state, checklist, import_event_count)
         SELECT $1::uuid, $2::uuid, $3::int, $4::text, $5::uuid, $6::uuid, * FROM unnest($7::uuid[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::bool[], $14::date[], $15::date[], $16::text[], $17::jsonb[], $18::int[])`,
        [
          common.tenantId,
          common.contractId,
          common.configVersion,
          common.source,
          common.createdBy,
          common.importId,
          col((r) => r.id),
          col((r) => r.number),
          col((r) => r.title),
          col((r) => r.category),
          col((r) => r.businessArea),
          col((r) => r.severity),
          col((r) => r.specialAttention),
          col((r) => r.expectedCloseDate),
          col((r) => r.extendedTo),
          col((r) => r.state),
          col((r) => (r.checklist ? JSON.stringify(r.checklist) : null)),
          col((r) => r.importEventCount),
        ],
      );
    }
  },

  /** Many events of one contract's tickets, by the same user, in multi-row statements (`EVENTS_PER_STATEMENT` rows each). */
  async insertEvents(
    em: EntityManager,
    common: { tenantId: string; contractId: string; actorUserId: string | null },
    rows: readonly BulkTicketEvent[],
  ): Promise<void> {
    for (let i = 0; i < rows.length; i += EVENTS_PER_STATEMENT) {
      const chunk = rows.slice(i, i + EVENTS_PER_STATEMENT);
      const col = <T>(f: (r: BulkTicketEvent) => T): T[] => chunk.map(f);
      await em.query(
        `INSERT INTO ticket_events (tenant_id, contract_id, actor_user_id, ticket_id, seq, kind, at, actor_side, note, payload)
         SELECT $1::uuid, $2::uuid, $3::uuid, * FROM unnest($4::uuid[], $5::int[], $6::text[], $7::timestamptz[], $8::text[], $9::text[], $10::jsonb[])`,
        [
          common.tenantId,
          common.contractId,
          common.actorUserId,
          col((r) => r.ticketId),
          col((r) => r.seq),
          col((r) => r.kind),
          col((r) => r.at),
          col((r) => r.actorSide),
          col((r) => r.note),
          col((r) => (r.payload ? JSON.stringify(r.payload) : null)),
        ],
      );
    }
  },
};
