import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import {
  availableActions,
  evaluateTicket,
  futureTimeProblem,
  submissionTimeProblems,
  isDataProcessing,
  jobIds,
  openTicket,
  stableUntil,
  timeZoneOf,
  transition,
  type Actor,
  type DataChecklist,
  type LifecycleEvent,
  type Ticket,
  type TicketActionRequest,
} from '@ledger/contracts';
import { JobDispatcher, JobOutbox, type JobRequest } from '@ledger/jobs';
import { GoverningConfigs, ticketToDomain, type GoverningConfig } from './ticket-sla.job';
import { NationalCalendarStore } from '../shared/national-calendar.store';
import { TicketImportStore, type TicketImportRow } from './ticket-import.store';
import { ticketColumns } from './ticket-import.job';
import { type TicketFileFormat } from './ticket-file.reader';
import { DomainError, ValidationError, problem, reasonOf, type Problem } from '@ledger/kernel';
import { TenantDatabase, type ContractEntity, type TicketEntity, type TicketEventEntity } from '@ledger/persistence';
import { formatInstant, toEpochMs, type SlaExplanation } from '@ledger/sla';
import { QueryFailedError, type EntityManager } from 'typeorm';
import { AbilityFactory } from '../auth/ability.factory';
import type { Principal } from '../auth/principal';
import { RequestContext } from '../auth/request-context.service';
import { ContractAccess } from '../contracts';
import { ContractsRepository } from '../contracts';
import type { JsonValue } from '../graphql/json.scalar';
import {
  TicketImportFormat,
  TicketImportMode,
  TicketImportStatus,
  type CreateTicketInput,
  type SlaExplanationModel,
  type TicketImportModel,
  type TicketFilterInput,
  type TicketModel,
  type TicketPageModel,
  type TicketSlaModel,
  type TransitionTicketInput,
} from './tickets.models';
import { TicketNumbersRepository } from './ticket-numbers.repository';
import { TicketsRepository, type NewTicketEvent } from './tickets.repository';
import { UUID } from '../graphql/ids';
import { isJsonObject } from '../shared/input-fields';
import { deferredProblems } from '../graphql/validate-input.interceptor';
import { decodeCursor, encodeCursor } from './ticket-cursor';
import { CHECKLIST_KEYS, createTicketArgs, transitionTicketArgs } from './tickets.schemas';

type Governing = GoverningConfig;

/** Domain paths → input paths: `action.reason` → `input.reason`, `action.type` → `input.action`, `at` → `input.at`. */
function inputPath(path: string): string {
  if (path === 'action.type') return 'input.action';
  if (path.startsWith('action.')) return `input.${path.slice(7)}`;
  if (path === 'at') return 'input.at';
  return path;
}

const refused = (problems: Problem[]): ValidationError =>
  new ValidationError(problems, problems.map((p) => p.message).join('; '));

/** The side a principal acts for in the lifecycle, or null when it only reads (finance, platform). */
function sideOf(p: Principal): Actor | null {
  if (p.role === 'buyer-admin' || p.role === 'buyer-staff') return 'buyer';
  if (p.role === 'vendor') return 'vendor';
  return null;
}

@Injectable()
export class TicketsService {
  /** Parsed configurations and calendars by contract version on the current national calendar (the SLA jobs' cache). */
  private readonly configs: GoverningConfigs;

  constructor(
    private readonly db: TenantDatabase,
    private readonly repo: TicketsRepository,
    private readonly numbers: TicketNumbersRepository,
    private readonly contracts: ContractsRepository,
    private readonly context: RequestContext,
    private readonly abilities: AbilityFactory,
    private readonly access: ContractAccess,
    calendars: NationalCalendarStore,
    private readonly dispatcher: JobDispatcher,
  ) {
    this.configs = new GoverningConfigs(calendars);
  }

  async list(contractId: string, state?: string): Promise<TicketModel[]> {
    const p = this.context.principal();
    return this.db.run(this.context.scope(), async (em) => {
      const contract = await this.visibleContract(em, contractId, p, 'read');
      const rows = await this.repo.list(em, contract.id, state);
      return this.models(em, contract, rows, p);
    });
  }

  async search(contractId: string, filter: TicketFilterInput, first: number, after?: string): Promise<TicketPageModel> {
    const p = this.context.principal();
    // The arguments passed ticketSearchArgs (tickets.schemas.ts): page size, states, severities, text, cursor.
    const text = filter.text?.trim() ?? '';
    const cursor = after === undefined ? undefined : decodeCursor(after);
    return this.db.run(this.context.scope(), async (em) => {
      const contract = await this.visibleContract(em, contractId, p, 'read');
      const found = await this.repo.search(em, {
        contractId: contract.id,
        states: filter.states ?? undefined,
        severities: filter.severities ?? undefined,
        specialAttention: filter.specialAttention ?? undefined,
        overdue: filter.overdue ?? undefined,
        text: text || undefined,
        now: new Date(),
        limit: first,
        after: cursor ?? undefined,
      });
      const more = found.rows.length > first;
      const rows = found.rows.slice(0, first);
      const last = found.keys[rows.length - 1];
      return {
        nodes: await this.models(em, contract, rows, p),
        totalCount: found.total,
        hasNextPage: more,
        endCursor: more && last ? encodeCursor(last) : null,
      };
    });
  }

  async get(id: string): Promise<TicketModel> {
    const p = this.context.principal();
    return this.db.run(this.context.scope(), async (em) => {
      const { ticket, contract } = await this.visibleTicket(em, id, p, false);
      return (await this.models(em, contract, [ticket], p))[0];
    });
  }

  async create(input: CreateTicketInput): Promise<TicketModel> {
    const p = this.context.principal();
    const { value, jobs } = await this.db.run(this.context.scope(), async (em) => {
      const contract = await this.visibleContract(em, input.contractId, p, 'create');
      const gov = await this.governingFor(em, contract, contract.currentVersion);
      // The number's format (createTicketArgs), reported with the lifecycle's problems.
      const problems = deferredProblems(input, createTicketArgs);
      // A generated number is taken from the contract's counter (its row lock queues concurrent creates); a refusal
      // below rolls the increment back with the rest of the transaction.
      const typed = input.number?.trim();
      const number = typed || (await this.numbers.next(em, contract.tenantId, contract.id));
      const at = this.instant(input.at, gov, problems, 'submission');
      const opened = openTicket(
        {
          id: number,
          category: input.category,
          severity: input.severity,
          ...(input.title != null ? { title: input.title } : {}),
          ...(input.businessArea != null ? { businessArea: input.businessArea } : {}),
          ...(input.specialAttention != null ? { specialAttention: input.specialAttention } : {}),
          ...(input.expectedCloseDate != null ? { expectedCloseDate: input.expectedCloseDate } : {}),
        },
        { actor: 'buyer', at, config: gov.config, calendar: gov.calendar },
      );
      if (!opened.ok)
        problems.push(
          ...opened.problems.map((q) => ({
            ...q,
            path: q.path === 'id' ? 'input.number' : q.path === 'at' ? 'input.at' : `input.${q.path}`,
          })),
        );
      if (problems.length || !opened.ok) throw refused(problems);
      if (typed && (await this.numbers.taken(em, contract.tenantId, contract.id, typed)))
        throw new DomainError(
          'CONFLICT',
          `a ticket "${number}" exists on this contract`,
          [],
          reasonOf('ticket.numberTaken', { number }),
        );
      const row = await uniqueNumber(number, () =>
        this.repo.insert(em, this.ticketRow(contract, opened.ticket, gov.version, 'api', p.userId)),
      );
      await this.repo.insertEvents(em, this.eventRows(row, opened.events, 0, p.userId));
      const jobs = [await this.recordSlaJob(em, row, opened.events.length, p)];
      return { value: (await this.models(em, contract, [row], p))[0], jobs };
    });
    await this.dispatcher.dispatch(jobs);
    return value;
  }

  async transition(input: TransitionTicketInput): Promise<TicketModel> {
    const p = this.context.principal();
    const { value, jobs } = await this.db.run(this.context.scope(), async (em) => {
      const { ticket: row, contract } = await this.visibleTicket(em, input.ticketId, p, true);
      const side = sideOf(p);
      if (
        !side ||
        !this.abilities
          .for(p)
          .can('update', subject('Ticket', { tenantId: row.tenantId, vendorOrgId: contract.vendorOrgId }))
      ) {
        throw new DomainError('FORBIDDEN', 'your role reads tickets but does not act on them');
      }
      const gov = await this.governingFor(em, contract, row.configVersion);
      const events = await this.repo.events(em, row.tenantId, [row.id]);
      const current = ticketToDomain(row, events, timeZoneOf(gov.config));
      // The checklist's shape (transitionTicketArgs), reported with the instant's and the lifecycle's problems.
      const problems = deferredProblems(input, transitionTicketArgs);
      const at = this.instant(input.at, gov, problems, 'action');
      const action = actionOf(input);
      const result = transition(current, action, { actor: side, at, config: gov.config, calendar: gov.calendar });
      if (!result.ok) problems.push(...result.problems.map((q) => ({ ...q, path: inputPath(q.path) })));
      if (problems.length || !result.ok) throw refused(problems);
      const next = result.ticket;
      await this.repo.update(em, row, {
        state: next.state,
        checklist: (next.checklist ?? null) as TicketEntity['checklist'],
        expectedCloseDate: next.expectedCloseDate ?? null,
        extendedTo: next.extendedTo ?? null,
        specialAttention: next.specialAttention,
      });
      await this.repo.insertEvents(em, this.eventRows(row, result.events, events.length, p.userId));
      const jobs = result.events.length
        ? [await this.recordSlaJob(em, row, events.length + result.events.length, p)]
        : [];
      const fresh = (await this.repo.byId(em, row.id)) as TicketEntity;
      return { value: (await this.models(em, contract, [fresh], p))[0], jobs };
    });
    await this.dispatcher.dispatch(jobs);
    return value;
  }

  /** Refuses, before the file is read, a caller who may not import into the contract (the same check as createTicket). */
  async assertCanImport(contractId: string): Promise<void> {
    const p = this.context.principal();
    await this.db.run(this.context.scope(), (em) => this.visibleContract(em, contractId, p, 'create'));
  }

  /**
   * Stores an uploaded import file and records its `import-tickets` job in one transaction, then dispatches the job:
   * the caller gets the import at once and polls `ticketImport(id)` for its progress (the job reads, validates and
   * stores the file; see TicketImportJob).
   */
  async startImport(input: {
    contractId: string;
    fileName: string | null;
    format: TicketFileFormat;
    mode: TicketImportMode;
    content: Buffer;
  }): Promise<TicketImportModel> {
    const p = this.context.principal();
    const { value, job } = await this.db.run(this.context.scope(), async (em) => {
      const contract = await this.visibleContract(em, input.contractId, p, 'create');
      const id = randomUUID();
      const payload = { tenantId: contract.tenantId, importId: id };
      const jobId = jobIds.ticketImport(payload);
      await TicketImportStore.insert(em, {
        id,
        tenantId: contract.tenantId,
        contractId: contract.id,
        fileName: input.fileName,
        format: input.format,
        mode: input.mode === TicketImportMode.PARTIAL ? 'partial' : 'all-or-nothing',
        content: input.content,
        jobId,
        requestedBy: p.userId,
      });
      const job = await JobOutbox.record(
        em,
        { id: jobId, name: 'import-tickets', payload },
        { tenantId: contract.tenantId, userId: p.userId, vendorOrgId: p.vendorOrgId },
      );
      return { value: toImportModel((await TicketImportStore.get(em, id)) as TicketImportRow), job };
    });
    await this.dispatcher.dispatch([job]);
    return value;
  }

  /** An import as its tenant sees it; anything else (another tenant's, a vendor, a bad id) is NOT_FOUND. */
  async getImport(id: string): Promise<TicketImportModel> {
    const p = this.context.principal();
    return this.db.run(this.context.scope(), async (em) => {
      const row = UUID.test(id) ? await TicketImportStore.get(em, id) : null;
      const c = row ? await this.contracts.byId(em, row.contractId) : null;
      if (
        !row ||
        !c ||
        !this.abilities.for(p).can('read', subject('Ticket', { tenantId: c.tenantId, vendorOrgId: c.vendorOrgId }))
      )
        throw new DomainError('NOT_FOUND', 'no such ticket import');
      return toImportModel(row);
    });
  }

  /** The first `first` tickets (at most 1000, by number) a completed import stored, with their views. */
  async importedTickets(importModel: TicketImportModel, first: number): Promise<TicketModel[]> {
    const p = this.context.principal();
    return this.db.run(this.context.scope(), async (em) => {
      const contract = await this.visibleContract(em, importModel.contractId, p, 'read');
      const rows = await this.repo.ofImport(em, contract.tenantId, importModel.id, Math.max(0, Math.min(first, 1000)));
      return this.models(em, contract, rows, p);
    });
  }

  /**
   * Records, in the transaction of the change, the job that stores the ticket's SLA results at this point of its
   * history (`eventCount` events) and raises its warnings; it is dispatched once the transaction has committed.
   */
  private recordSlaJob(
    em: EntityManager,
    row: TicketEntity,
    eventCount: number,
    p: Principal,
  ): Promise<JobRequest<'ticket-sla'>> {
    const payload = { tenantId: row.tenantId, ticketId: row.id, eventCount };
    return JobOutbox.record(
      em,
      { id: jobIds.ticketSla(payload), name: 'ticket-sla', payload },
      { tenantId: row.tenantId, userId: p.userId, vendorOrgId: p.vendorOrgId },
    );
  }

  /** A contract outside the caller's reach is NOT_FOUND; within reach but not allowed is FORBIDDEN. */
  private async visibleContract(
    em: EntityManager,
    id: string,
    p: Principal,
    action: 'read' | 'create',
  ): Promise<ContractEntity> {
    const c = await this.access.require(em, id);
    const ability = this.abilities.for(p);
    if (!ability.can(action, subject('Ticket', { tenantId: c.tenantId, vendorOrgId: c.vendorOrgId }))) {
      throw new DomainError(
        'FORBIDDEN',
        action === 'create' ? 'only the buyer (admin or staff) submits tickets' : 'your role does not read tickets',
      );
    }
    return c;
  }

  private async visibleTicket(
    em: EntityManager,
    id: string,
    p: Principal,
    lock: boolean,
  ): Promise<{ ticket: TicketEntity; contract: ContractEntity }> {
    const t = UUID.test(id) ? await this.repo.byId(em, id, lock) : null;
    const c = t ? await this.contracts.byId(em, t.contractId) : null;
    if (
      !t ||
      !c ||
      !this.abilities.for(p).can('read', subject('Ticket', { tenantId: t.tenantId, vendorOrgId: c.vendorOrgId }))
    ) {
      throw new DomainError('NOT_FOUND', 'no such ticket');
    }
    return { ticket: t, contract: c };
  }

  private async governingFor(em: EntityManager, contract: ContractEntity, version: number): Promise<Governing> {
    const gov = (await this.configs.load(em, [{ contractId: contract.id, configVersion: version }])).get(
      GoverningConfigs.key(contract.id, version),
    );
    if (!gov) throw new Error(`contract ${contract.id} has no version ${version}`);
    return gov;
  }

  /**
   * The instant of an action: given (ISO with offset) or now, in the contract's zone. Never in the future; a
   * submission also not before the contract's term — the rule an imported row's times follow too (ticket-time.rule).
   */
  private instant(
    given: string | undefined | null,
    gov: Governing,
    problems: Problem[],
    kind: 'submission' | 'action',
  ): string {
    const zone = timeZoneOf(gov.config);
    const now = Date.now();
    if (given == null) return formatInstant(now, zone);
    try {
      const ms = toEpochMs(given);
      const found =
        kind === 'submission'
          ? submissionTimeProblems(ms, now, gov.config, given)
          : [futureTimeProblem(ms, now, given)].filter((c) => c !== null);
      problems.push(...found.map((c) => problem('input.at', c.code, c.params)));
    } catch {
      // transition / openTicket report the malformed instant themselves.
    }
    return given;
  }

  private ticketRow(
    contract: ContractEntity,
    t: Ticket,
    version: number,
    source: 'api' | 'import',
    userId: string,
  ): Omit<TicketEntity, 'id' | 'createdAt' | 'updatedAt'> {
    return {
      tenantId: contract.tenantId,
      contractId: contract.id,
      ...ticketColumns(t),
      configVersion: version,
      source,
      createdBy: userId,
    };
  }

  private eventRows(t: TicketEntity, events: LifecycleEvent[], already: number, userId: string): NewTicketEvent[] {
    return events.map((e, i) => ({
      tenantId: t.tenantId,
      contractId: t.contractId,
      ticketId: t.id,
      seq: already + i + 1,
      kind: e.kind,
      at: new Date(toEpochMs(e.at)),
      actorUserId: userId,
      actorSide: e.actor,
      note: e.note ?? null,
      payload: e.data ?? null,
    }));
  }

  private async models(
    em: EntityManager,
    contract: ContractEntity,
    rows: TicketEntity[],
    p: Principal,
  ): Promise<TicketModel[]> {
    const byTicket = new Map<string, TicketEventEntity[]>();
    for (const e of await this.repo.events(
      em,
      contract.tenantId,
      rows.map((r) => r.id),
    )) {
      const list = byTicket.get(e.ticketId);
      if (list) list.push(e);
      else byTicket.set(e.ticketId, [e]);
    }
    const side = sideOf(p);
    const now = Date.now();
    const out: TicketModel[] = [];
    for (const row of rows) {
      const gov = await this.governingFor(em, contract, row.configVersion);
      const zone = timeZoneOf(gov.config);
      const own = byTicket.get(row.id) ?? [];
      const t = ticketToDomain(row, own, zone);
      let until: string | null = null;
      try {
        until = stableUntil(t, gov.config, gov.calendar);
      } catch {
        until = null;
      }
      out.push({
        id: row.id,
        tenantId: row.tenantId,
        contractId: row.contractId,
        number: row.number,
        title: row.title,
        category: row.category,
        businessArea: row.businessArea,
        severity: row.severity,
        specialAttention: row.specialAttention,
        expectedCloseDate: row.expectedCloseDate,
        extendedTo: row.extendedTo,
        state: row.state,
        checklist: row.checklist as JsonValue | null,
        configVersion: row.configVersion,
        source: row.source,
        createdAt: row.createdAt,
        updatedAt: row.updatedAt,
        events: own.map((e, i) => ({
          seq: e.seq,
          kind: e.kind,
          at: t.events[i].at,
          actorSide: e.actorSide,
          actorUserId: e.actorUserId,
          note: e.note,
          data: e.payload as JsonValue | null,
          recordedAt: e.recordedAt,
        })),
        pauses: t.pauses.map((x) => ({ ...x })),
        // The checklist belongs to 单笔数据调整 / 批量数据处理 tickets only (the machine refuses it elsewhere).
        availableActions: side
          ? availableActions(t, side).filter((a) => a !== 'record-checklist' || isDataProcessing(t.category))
          : [],
        stableUntil: until,
        stableUntilProvisional: until !== null && gov.calendar.isProvisionalDate(until.slice(0, 10)),
        ...this.sla(t, gov, now),
      });
    }
    return out;
  }

  /** The read-time SLA: the same evaluation the SLA jobs store (libs/contracts `evaluateTicket`). */
  private sla(t: Ticket, gov: Governing, now: number): { sla: TicketSlaModel | null; slaNote: string | null } {
    const e = evaluateTicket(t, gov, now);
    if (!e.ok) return { sla: null, slaNote: e.note };
    const targets = e.result.targets.map((x) => ({ ...x, explanation: explanationModel(x.explanation) }));
    return {
      sla: {
        status: e.status,
        evaluatedAt: e.result.evaluatedAt,
        calendarVersion: e.result.calendarVersion,
        configVersion: gov.version,
        targets,
        provisional: e.result.provisional,
      },
      slaNote: null,
    };
  }
}

/**
 * The engine's explanation as GraphQL carries it: the code and its parameters as name/value strings, by name (a
 * result read back from jsonb has its keys in jsonb's order, a fresh one in the engine's: the same either way).
 */
function explanationModel(e: SlaExplanation): SlaExplanationModel {
  return {
    code: e.code,
    params: Object.entries(e.params)
      .map(([name, value]) => ({ name, value: String(value) }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
  };
}

/** A concurrent request that took the same number first: CONFLICT (the transaction rolls back), not a server error. */
async function uniqueNumber<T>(number: string, insert: () => Promise<T>): Promise<T> {
  try {
    return await insert();
  } catch (e) {
    if (e instanceof QueryFailedError && (e.driverError as { code?: string }).code === '23505')
      throw new DomainError(
        'CONFLICT',
        `a ticket "${number}" exists on this contract`,
        [],
        reasonOf('ticket.numberTaken', { number }),
      );
    throw e;
  }
}

/**
 * The input as the pure machine's action; the machine reports what is missing for the action named. The checklist's
 * entries that transitionTicketArgs refused are left out (their problems are already reported).
 */
function actionOf(input: TransitionTicketInput): TicketActionRequest {
  let checklist: DataChecklist | undefined;
  const c = input.checklist;
  if (isJsonObject(c)) {
    checklist = {};
    for (const [k, v] of Object.entries(c)) {
      if (!(CHECKLIST_KEYS as readonly string[]).includes(k)) continue;
      if (k === 'deletes' ? typeof v === 'boolean' : typeof v === 'boolean' || typeof v === 'string')
        (checklist as Record<string, string | boolean>)[k] = v as string | boolean;
    }
  }
  const optional = <K extends string, V>(k: K, v: V | null | undefined): Partial<Record<K, V>> =>
    v == null ? {} : ({ [k]: v } as Record<K, V>);
  return {
    type: input.action,
    ...optional('reason', input.reason),
    ...optional('note', input.note),
    ...optional('solvable', input.solvable),
    ...optional('plannedTestDate', input.plannedTestDate),
    ...optional('affectsSettlement', input.affectsSettlement),
    ...optional('checklist', input.action === 'record-checklist' ? (checklist ?? {}) : checklist),
    ...optional('from', input.from),
    ...optional('to', input.to),
    ...optional('date', input.date),
    ...optional('expectedCloseDate', input.date),
  };
}

const IMPORT_STATUS: Record<TicketImportRow['status'], TicketImportStatus> = {
  queued: TicketImportStatus.QUEUED,
  reading: TicketImportStatus.READING,
  storing: TicketImportStatus.STORING,
  completed: TicketImportStatus.COMPLETED,
  failed: TicketImportStatus.FAILED,
};

/** The stored import as the API shows it; an unfinished import whose job failed for good is FAILED with the job's error. */
function toImportModel(r: TicketImportRow): TicketImportModel {
  const jobGaveUp =
    r.jobStatus === 'failed' && (r.status === 'queued' || r.status === 'reading' || r.status === 'storing');
  return {
    id: r.id,
    contractId: r.contractId,
    fileName: r.fileName,
    format: r.format === 'xlsx' ? TicketImportFormat.XLSX : TicketImportFormat.CSV,
    mode: r.mode === 'partial' ? TicketImportMode.PARTIAL : TicketImportMode.ALL_OR_NOTHING,
    byteSize: r.byteSize,
    status: jobGaveUp ? TicketImportStatus.FAILED : IMPORT_STATUS[r.status],
    rowsRead: r.rowsRead,
    rowsValidated: r.rowsValidated,
    rowsImported: r.rowsImported,
    problemCount: r.problemCount,
    problems: r.problems,
    error: jobGaveUp ? `the import job failed: ${r.jobError ?? 'unknown error'}; nothing was imported` : r.error,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    completedAt: r.completedAt,
  };
}
