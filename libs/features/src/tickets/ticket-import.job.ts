import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  jobIds,
  newTicketRowsState,
  parseContractConfig,
  TICKET_ROW_COLUMNS,
  validateTicketRows,
  type JobPayload,
  type ParsedConfig,
  type Ticket,
} from '@ledger/contracts';
import { DomainError, type Problem } from '@ledger/kernel';
import { TenantDatabase, type AccessScope, type TicketEntity } from '@ledger/persistence';
import { QueryFailedError, type EntityManager } from 'typeorm';
import { JobDispatcher } from '@ledger/jobs';
import { jobScope, UnrecoverableJobError, type JobHandler, type JobRun } from '@ledger/jobs';
import { JobOutbox, lockJobKey, type JobRequest } from '@ledger/jobs';
import { readTicketFile, TicketFileError } from './ticket-file.reader';
import {
  TICKETS_PER_STATEMENT,
  TicketImportStore,
  type BulkTicket,
  type BulkTicketEvent,
  type StoredProblem,
  type TicketImportRow,
} from './ticket-import.store';

/** Rows validated (and progress recorded) at a time: small enough that a poll sees the count move, large enough to be cheap. */
export const IMPORT_CHUNK_ROWS = 1000;
/** Tickets per `ticket-sla-batch` job of an import: 100 jobs for a 100 000-ticket import, each a short transaction. */
export const SLA_BATCH_SIZE = 1000;

export type TicketImportOutcome = {
  importId: string;
  status: 'completed' | 'failed';
  rowsRead: number;
  imported: number;
  problems: number;
  noop?: boolean;
};

type Contract = { tenantId: string; contractId: string; configVersion: number; config: ParsedConfig };
type Checked = { rowsRead: number; tickets: Ticket[]; problems: Problem[]; fileError: string | null };

/**
 * Reads, validates and stores an uploaded ticket import (`ticket_imports` row), recording its progress as it goes.
 *
 *  1. claim (short transaction): the import locked; finished → a no-op; otherwise status `reading`, counts reset
 *     (a retry starts over: nothing of a failed attempt was stored);
 *  2. read and validate the file a chunk of IMPORT_CHUNK_ROWS rows at a time, streamed (ticket-file.reader), each
 *     chunk's numbers checked against the contract and the progress committed in a short transaction;
 *  3. ALL_OR_NOTHING with a problem, or a file that cannot be read → `failed` with every problem, nothing stored;
 *     otherwise one transaction stores the tickets and events (multi-row statements), records the SLA work as
 *     `ticket-sla-batch` jobs, marks the import `completed` and the job completed — all or nothing.
 *
 * Runs in the tenant's scope as the importing user (the tickets' `created_by` and the audit rows name them; the
 * audit operation is `job:<job id>`). Times are checked against the upload time, so a retry decides the same way.
 */
@Injectable()
export class TicketImportJob implements JobHandler<'import-tickets'> {
  readonly name = 'import-tickets' as const;

  constructor(
    private readonly db: TenantDatabase,
    private readonly dispatcher: JobDispatcher,
  ) {}

  async handle(payload: JobPayload<'import-tickets'>, run: JobRun): Promise<TicketImportOutcome> {
    const claimed = await this.db.run(jobScope(payload.tenantId, run), async (em) => {
      await lockJobKey(em, run.id);
      const row = await TicketImportStore.claim(em, payload.tenantId, payload.importId);
      if (!row)
        throw new UnrecoverableJobError(
          `ticket import ${payload.importId} does not exist in tenant ${payload.tenantId}`,
        );
      if (row.status === 'completed' || row.status === 'failed' || !row.content) {
        const outcome: TicketImportOutcome = {
          importId: row.id,
          status: row.status === 'completed' ? 'completed' : 'failed',
          rowsRead: row.rowsRead,
          imported: row.rowsImported,
          problems: row.problemCount,
          noop: true,
        };
        await JobOutbox.complete(em, run.id, outcome);
        return { kind: 'done', outcome } as const;
      }
      await TicketImportStore.progress(em, row.id, {
        status: 'reading',
        rowsRead: 0,
        rowsValidated: 0,
        problemCount: 0,
      });
      const contract = await this.contract(em, row);
      return { kind: 'claimed', row, content: row.content, contract } as const;
    });
    if (claimed.kind === 'done') return claimed.outcome;
    const { row, content, contract } = claimed;
    const scope: AccessScope = {
      kind: 'tenant',
      tenantId: row.tenantId,
      userId: row.requestedBy,
      operation: `job:${run.id}`,
    };

    const checked = await this.check(scope, row, content, contract);
    const problems: StoredProblem[] = checked.problems.map((p) => ({
      path: p.path,
      code: p.code,
      params: p.params,
      message: p.message,
    }));
    const refused = checked.fileError !== null || (row.mode === 'all-or-nothing' && problems.length > 0);
    if (refused) {
      const error =
        checked.fileError ?? `${problems.length} problem(s) in the file: nothing was imported (ALL_OR_NOTHING)`;
      const fileProblems = checked.fileError !== null ? [{ path: 'file', message: checked.fileError }] : problems;
      return this.db.run(scope, async (em) => {
        await lockJobKey(em, run.id);
        await TicketImportStore.finish(em, row.id, {
          status: 'failed',
          rowsRead: checked.rowsRead,
          rowsValidated: checked.rowsRead,
          rowsImported: 0,
          problemCount: fileProblems.length,
          problems: fileProblems,
          error,
        });
        const outcome: TicketImportOutcome = {
          importId: row.id,
          status: 'failed',
          rowsRead: checked.rowsRead,
          imported: 0,
          problems: fileProblems.length,
        };
        await JobOutbox.complete(em, run.id, outcome);
        return outcome;
      });
    }

    await this.db.run(scope, (em) =>
      TicketImportStore.progress(em, row.id, {
        status: 'storing',
        rowsRead: checked.rowsRead,
        rowsValidated: checked.rowsRead,
        problemCount: problems.length,
      }),
    );
    const { outcome, jobs } = await this.db.run(scope, async (em) => {
      await lockJobKey(em, run.id);
      const again = await TicketImportStore.claim(em, row.tenantId, row.id);
      if (!again || again.status === 'completed' || again.status === 'failed')
        throw new Error(`ticket import ${row.id} was finished by another run`);
      const ids = await this.store(em, row, contract, checked.tickets);
      const jobs = await this.recordSlaBatchJobs(em, row, ids);
      await TicketImportStore.finish(em, row.id, {
        status: 'completed',
        rowsRead: checked.rowsRead,
        rowsValidated: checked.rowsRead,
        rowsImported: ids.length,
        problemCount: problems.length,
        problems,
        error: null,
      });
      const outcome: TicketImportOutcome = {
        importId: row.id,
        status: 'completed',
        rowsRead: checked.rowsRead,
        imported: ids.length,
        problems: problems.length,
      };
      await JobOutbox.complete(em, run.id, outcome);
      return { outcome, jobs };
    });
    await this.dispatcher.dispatch(jobs);
    return outcome;
  }

  /** The contract's current configuration (what an import is validated against and its tickets are governed by). */
  private async contract(em: EntityManager, row: TicketImportRow): Promise<Contract> {
    const current = await TicketImportStore.currentConfiguration(em, row.tenantId, row.contractId);
    if (!current) throw new UnrecoverableJobError(`contract ${row.contractId} of ticket import ${row.id} is missing`);
    return {
      tenantId: row.tenantId,
      contractId: row.contractId,
      configVersion: current.current_version,
      config: parseContractConfig(current.configuration),
    };
  }

  /** Streams the file through the validator a chunk at a time, committing the progress after each chunk. */
  private async check(scope: AccessScope, row: TicketImportRow, content: Buffer, contract: Contract): Promise<Checked> {
    const state = newTicketRowsState();
    const tickets: Ticket[] = [];
    const problems: Problem[] = [];
    const now = row.createdAt.getTime();
    let rowsRead = 0;
    let chunk: Record<string, string>[] = [];
    const flush = async (): Promise<void> => {
      const rows = chunk;
      chunk = [];
      await this.db.run(scope, async (em) => {
        const existing = await TicketImportStore.takenNumbers(
          em,
          contract.tenantId,
          contract.contractId,
          rowNumbers(rows),
        );
        const result = validateTicketRows(rows, contract.config, {
          existingIds: existing,
          now,
          offset: rowsRead - rows.length,
          state,
        });
        for (const t of result.tickets) tickets.push(t);
        for (const p of result.problems) problems.push(p);
        await TicketImportStore.progress(em, row.id, {
          status: 'reading',
          rowsRead,
          rowsValidated: rowsRead,
          problemCount: problems.length,
        });
      });
    };
    try {
      for await (const r of readTicketFile(row.format, content)) {
        chunk.push(r);
        rowsRead++;
        if (chunk.length >= IMPORT_CHUNK_ROWS) await flush();
      }
      if (chunk.length) await flush();
    } catch (e) {
      if (e instanceof TicketFileError) return { rowsRead, tickets: [], problems: [], fileError: e.message };
      throw e;
    }
    return { rowsRead, tickets, problems, fileError: null };
  }

  /**
   * The tickets and their events, a slice at a time (its tickets, then their events): the statements' rows are built
   * per slice, so the import holds the validated tickets and one slice's parameters, not a second copy of the file.
   */
  private async store(
    em: EntityManager,
    row: TicketImportRow,
    contract: Contract,
    tickets: readonly Ticket[],
  ): Promise<string[]> {
    const ids: string[] = tickets.map(() => randomUUID());
    const common = { tenantId: contract.tenantId, contractId: contract.contractId };
    for (let from = 0; from < tickets.length; from += TICKETS_PER_STATEMENT) {
      const slice = tickets.slice(from, from + TICKETS_PER_STATEMENT);
      const bulk: BulkTicket[] = slice.map((t, k) => ({
        id: ids[from + k],
        ...ticketColumns(t),
        importEventCount: t.events.length,
      }));
      const events: BulkTicketEvent[] = slice.flatMap((t, k) =>
        t.events.map((e, j) => ({
          ticketId: ids[from + k],
          seq: j + 1,
          kind: e.kind,
          at: e.at,
          actorSide: e.actor,
          note: e.note ?? null,
          payload: (e.data ?? null) as BulkTicketEvent['payload'],
        })),
      );
      await uniqueNumbers(() =>
        TicketImportStore.insertTickets(
          em,
          {
            ...common,
            configVersion: contract.configVersion,
            source: 'import',
            createdBy: row.requestedBy,
            importId: row.id,
          },
          bulk,
        ),
      );
      await TicketImportStore.insertEvents(em, { ...common, actorUserId: row.requestedBy }, events);
    }
    return ids;
  }

  /**
   * The SLA work of an import, recorded in its transaction: one `ticket-sla-batch` job per `SLA_BATCH_SIZE` tickets
   * (a slice of the import's ticket ids in uuid order), each storing what `ticket-sla` would store per ticket.
   */
  private async recordSlaBatchJobs(
    em: EntityManager,
    row: TicketImportRow,
    ids: readonly string[],
  ): Promise<JobRequest<'ticket-sla-batch'>[]> {
    // uuid order as PostgreSQL compares uuids (bytewise), which is the order of their lower-case text.
    const sorted = ids.map((id) => id.toLowerCase()).sort();
    const jobs: JobRequest<'ticket-sla-batch'>[] = [];
    for (let i = 0; i < sorted.length; i += SLA_BATCH_SIZE) {
      const slice = sorted.slice(i, i + SLA_BATCH_SIZE);
      const payload = {
        tenantId: row.tenantId,
        contractId: row.contractId,
        importId: row.id,
        fromTicketId: slice[0],
        toTicketId: slice[slice.length - 1],
      };
      jobs.push(
        await JobOutbox.record(
          em,
          { id: jobIds.ticketSlaBatch(payload), name: 'ticket-sla-batch', payload },
          { tenantId: row.tenantId, userId: row.requestedBy },
        ),
      );
    }
    return jobs;
  }
}

/** A concurrent import or request that took one of the file's numbers first: CONFLICT naming it (all rolls back; the retry reports it as a row problem). */
async function uniqueNumbers<T>(insert: () => Promise<T>): Promise<T> {
  try {
    return await insert();
  } catch (e) {
    const driver = e instanceof QueryFailedError ? (e.driverError as { code?: string; detail?: string }) : undefined;
    if (driver?.code === '23505') {
      const taken = /^Key \(tenant_id, contract_id, number\)=\([^,]+, [^,]+, (.*)\) already exists\.?$/.exec(
        driver.detail ?? '',
      )?.[1];
      throw new DomainError(
        'CONFLICT',
        taken ? `a ticket "${taken}" exists on this contract` : 'a ticket number of the file exists on this contract',
      );
    }
    throw e;
  }
}

/** The ticket numbers rows give (any 编号 column, trimmed): the only ones whose existence the import checks. */
function rowNumbers(rows: readonly Record<string, string>[]): string[] {
  const headers = new Set<string>(TICKET_ROW_COLUMNS.id.map((h) => h.toLowerCase()));
  const out = new Set<string>();
  for (const row of rows) {
    for (const [header, value] of Object.entries(row)) {
      if (typeof value === 'string' && value.trim() !== '' && headers.has(header.trim().toLowerCase()))
        out.add(value.trim());
    }
  }
  return [...out];
}

/** The domain ticket's own columns, as a created ticket and an imported one store them. */
export function ticketColumns(
  t: Ticket,
): Pick<
  TicketEntity,
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
> {
  return {
    number: t.id,
    title: t.title ?? null,
    category: t.category,
    businessArea: t.businessArea ?? null,
    severity: t.severity,
    specialAttention: t.specialAttention,
    expectedCloseDate: t.expectedCloseDate ?? null,
    extendedTo: t.extendedTo ?? null,
    state: t.state,
    checklist: (t.checklist ?? null) as TicketEntity['checklist'],
  };
}
