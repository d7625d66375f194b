import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import {
  availableActions,
  calendarOf,
  isDataProcessing,
  jobIds,
  openTicket,
  parseContractConfig,
  stableUntil,
  timeZoneOf,
  toSlaTicket,
  transition,
  validateTicketRows,
  TICKET_ROW_COLUMNS,
  type Actor,
  type DataChecklist,
  type LifecycleEvent,
  type ParsedConfig,
  type Ticket,
  type TicketAction,
} from '@ledger/contracts';
import { JobDispatcher, JobOutbox, ticketToDomain, type JobRequest } from '@ledger/jobs';
import { DomainError, ValidationError, type Problem } from '@ledger/kernel';
import { TenantDatabase, type ContractEntity, type TicketEntity, type TicketEventEntity } from '@ledger/persistence';
import { evaluateTicketSla, formatInstant, toEpochMs, type WorkCalendar } from '@ledger/sla';
import { QueryFailedError, type EntityManager } from 'typeorm';
import { AbilityFactory } from '../auth/ability.factory';
import type { Principal } from '../auth/principal';
import { RequestContext } from '../auth/request-context.service';
import { ContractsRepository } from '../contracts/contracts.repository';
import type { JsonValue } from '../graphql/json.scalar';
import { readTicketFile } from './ticket-file.parser';
import {
  TicketImportMode,
  type CreateTicketInput,
  type ImportTicketsInput,
  type TicketImportResultModel,
  type TicketModel,
  type TicketSlaModel,
  type TransitionTicketInput,
} from './tickets.models';
import { TICKETS_PER_STATEMENT, TicketsRepository, type BulkTicket, type BulkTicketEvent, type NewTicketEvent } from './tickets.repository';
import { UUID } from '../graphql/ids';

const NUMBER = /^[^\s].{0,63}$/u;
/** Tickets per `ticket-sla-batch` job of an import: 100 jobs for a 100 000-ticket import, each a short transaction. */
export const SLA_BATCH_SIZE = 1000;
/** An action may be recorded up to this long after the fact is in the future of the server clock (clock skew). */
const FUTURE_TOLERANCE_MS = 60_000;
const CHECKLIST_KEYS = ['script', 'record', 'jointReview', 'backup', 'testDatabase', 'itConfirmation', 'deletes'] as const;
const STATES: readonly string[] = ['submitted', 'pending-review', 'effective', 'received', 'feedback', 'in-progress', 'internal-test', 'business-test-signed', 'deployed', 'stable', 'closed', 'unsolvable', 'withdrawn'];

type Governing = { config: ParsedConfig; calendar: WorkCalendar; version: number };

/** Domain paths → input paths: `action.reason` → `input.reason`, `action.type` → `input.action`, `at` → `input.at`. */
function inputPath(path: string): string {
  if (path === 'action.type') return 'input.action';
  if (path.startsWith('action.')) return `input.${path.slice(7)}`;
  if (path === 'at') return 'input.at';
  return path;
}

const refused = (problems: Problem[]): ValidationError => new ValidationError(problems, problems.map((p) => p.message).join('; '));

/** The side a principal acts for in the lifecycle, or null when it only reads (finance, platform). */
function sideOf(p: Principal): Actor | null {
  if (p.role === 'buyer-admin' || p.role === 'buyer-staff') return 'buyer';
  if (p.role === 'vendor') return 'vendor';
  return null;
}

@Injectable()
export class TicketsService {
  /** Parsed configurations and calendars by contract version: versions are immutable, so this never goes stale. */
  private readonly governing = new Map<string, Governing>();

  constructor(
    private readonly db: TenantDatabase,
    private readonly repo: TicketsRepository,
    private readonly contracts: ContractsRepository,
    private readonly context: RequestContext,
    private readonly abilities: AbilityFactory,
    private readonly dispatcher: JobDispatcher,
  ) {}

  async list(contractId: string, state?: string): Promise<TicketModel[]> {
    const p = this.context.principal();
    if (state !== undefined && !STATES.includes(state)) throw new ValidationError([{ path: 'state', message: `unknown state "${state}" (known: ${STATES.join(', ')})` }]);
    return this.db.run(this.context.scope(), async (em) => {
      const contract = await this.visibleContract(em, contractId, p, 'read');
      const rows = await this.repo.list(em, contract.id, state);
      return this.models(em, contract, rows, p);
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
      const problems: Problem[] = [];
      const existing = await this.repo.numbers(em, contract.id);
      const number = input.number?.trim() || nextNumber(existing);
      if (!NUMBER.test(number)) problems.push({ path: 'input.number', message: 'up to 64 characters, not starting with a space' });
      const at = this.instant(input.at, gov, problems);
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
      if (!opened.ok) problems.push(...opened.problems.map((q) => ({ path: q.path === 'id' ? 'input.number' : q.path === 'at' ? 'input.at' : `input.${q.path}`, message: q.message })));
      if (problems.length || !opened.ok) throw refused(problems);
      if (existing.includes(number)) throw new DomainError('CONFLICT', `a ticket "${number}" exists on this contract`);
      const row = await uniqueNumber(number, () => this.repo.insert(em, this.ticketRow(contract, opened.ticket, gov.version, 'api', p.userId)));
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
      if (!side || !this.abilities.for(p).can('update', subject('Ticket', { tenantId: row.tenantId, vendorOrgId: contract.vendorOrgId }))) {
        throw new DomainError('FORBIDDEN', 'your role reads tickets but does not act on them');
      }
      const gov = await this.governingFor(em, contract, row.configVersion);
      const events = await this.repo.events(em, row.tenantId, [row.id]);
      const current = ticketToDomain(row, events, timeZoneOf(gov.config));
      const problems: Problem[] = [];
      const at = this.instant(input.at, gov, problems);
      const action = actionOf(input, problems);
      const result = transition(current, action, { actor: side, at, config: gov.config, calendar: gov.calendar });
      if (!result.ok) problems.push(...result.problems.map((q) => ({ path: inputPath(q.path), message: q.message })));
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
      const jobs = result.events.length ? [await this.recordSlaJob(em, row, events.length + result.events.length, p)] : [];
      const fresh = (await this.repo.byId(em, row.id)) as TicketEntity;
      return { value: (await this.models(em, contract, [fresh], p))[0], jobs };
    });
    await this.dispatcher.dispatch(jobs);
    return value;
  }

  /**
   * A bulk import (up to `MAX_IMPORT_ROWS` rows): parsed and validated in memory, then stored in one transaction with
   * a few multi-row statements (tickets, then their events), and its SLA work recorded as `ticket-sla-batch` jobs of
   * `SLA_BATCH_SIZE` tickets each — not one INSERT and one job per ticket. The result's `tickets` are built only when
   * the caller selects them (a 100 000-ticket import need not compute 100 000 SLA views to answer `imported`).
   */
  async import(input: ImportTicketsInput): Promise<TicketImportResultModel> {
    const p = this.context.principal();
    const scope = this.context.scope();
    const rows = await readTicketFile(input.format, input.contentBase64);
    const mode = input.mode ?? TicketImportMode.ALL_OR_NOTHING;
    const { value, jobs } = await this.db.run(scope, async (em) => {
      const contract = await this.visibleContract(em, input.contractId, p, 'create');
      const gov = await this.governingFor(em, contract, contract.currentVersion);
      const existing = await this.repo.takenNumbers(em, contract.tenantId, contract.id, rowNumbers(rows));
      const checked = validateTicketRows(rows, gov.config, { existingIds: existing });
      if (!checked.ok && mode === TicketImportMode.ALL_OR_NOTHING) {
        throw new ValidationError(checked.problems, `${checked.problems.length} problem(s) in the file: nothing was imported (ALL_OR_NOTHING)`);
      }
      const importId = randomUUID();
      const ids: string[] = checked.tickets.map(() => randomUUID());
      // Stored a slice at a time (its tickets, then their events): the statements' rows are built per slice, so the
      // import holds the validated tickets and one slice's parameters, not a second copy of the whole file.
      const common = { tenantId: contract.tenantId, contractId: contract.id };
      for (let from = 0; from < checked.tickets.length; from += TICKETS_PER_STATEMENT) {
        const slice = checked.tickets.slice(from, from + TICKETS_PER_STATEMENT);
        const tickets: BulkTicket[] = slice.map((t, k) => ({
          id: ids[from + k],
          ...ticketColumns(t),
          importEventCount: t.events.length,
        }));
        const events: BulkTicketEvent[] = slice.flatMap((t, k) =>
          t.events.map((e, j) => ({ ticketId: ids[from + k], seq: j + 1, kind: e.kind, at: e.at, actorSide: e.actor, note: e.note ?? null, payload: (e.data ?? null) as BulkTicketEvent['payload'] })),
        );
        await uniqueNumbers(() => this.repo.insertMany(em, { ...common, configVersion: gov.version, source: 'import', createdBy: p.userId, importId }, tickets));
        await this.repo.insertEventsMany(em, { ...common, actorUserId: p.userId }, events);
      }
      const jobs = await this.recordSlaBatchJobs(em, contract, importId, ids, p);
      let views: Promise<TicketModel[]> | undefined;
      // Built only when GraphQL reads the field (a getter: the field resolver reads the property and awaits the
      // promise), in a read transaction of the same scope after this one has committed; in the order of the file.
      const ticketViews = (): Promise<TicketModel[]> =>
        (views ??= this.db.run(scope, async (read) => {
          const order = new Map<string, number>(ids.map((id, i) => [id, i]));
          const stored = (await this.repo.byIds(read, ids)).sort((a, b) => (order.get(a.id) as number) - (order.get(b.id) as number));
          return this.models(read, contract, stored, p);
        }));
      const value: TicketImportResultModel = {
        rowCount: rows.length,
        imported: ids.length,
        problems: checked.problems,
        get tickets() {
          return ticketViews();
        },
      };
      return { value, jobs };
    });
    await this.dispatcher.dispatch(jobs);
    return value;
  }

  /**
   * The SLA work of an import, recorded in its transaction: one `ticket-sla-batch` job per `SLA_BATCH_SIZE` tickets
   * (a slice of the import's ticket ids in uuid order), each storing what `ticket-sla` would store per ticket.
   */
  private async recordSlaBatchJobs(em: EntityManager, contract: ContractEntity, importId: string, ids: readonly string[], p: Principal): Promise<JobRequest<'ticket-sla-batch'>[]> {
    // uuid order as PostgreSQL compares uuids (bytewise), which is the order of their lower-case text.
    const sorted = ids.map((id) => id.toLowerCase()).sort();
    const jobs: JobRequest<'ticket-sla-batch'>[] = [];
    for (let i = 0; i < sorted.length; i += SLA_BATCH_SIZE) {
      const slice = sorted.slice(i, i + SLA_BATCH_SIZE);
      const payload = { tenantId: contract.tenantId, contractId: contract.id, importId, fromTicketId: slice[0], toTicketId: slice[slice.length - 1] };
      jobs.push(await JobOutbox.record(em, { id: jobIds.ticketSlaBatch(payload), name: 'ticket-sla-batch', payload }, { tenantId: contract.tenantId, userId: p.userId, vendorOrgId: p.vendorOrgId }));
    }
    return jobs;
  }

  /**
   * Records, in the transaction of the change, the job that stores the ticket's SLA results at this point of its
   * history (`eventCount` events) and raises its warnings; it is dispatched once the transaction has committed.
   */
  private recordSlaJob(em: EntityManager, row: TicketEntity, eventCount: number, p: Principal): Promise<JobRequest<'ticket-sla'>> {
    const payload = { tenantId: row.tenantId, ticketId: row.id, eventCount };
    return JobOutbox.record(em, { id: jobIds.ticketSla(payload), name: 'ticket-sla', payload }, { tenantId: row.tenantId, userId: p.userId, vendorOrgId: p.vendorOrgId });
  }

  /** A contract outside the caller's reach is NOT_FOUND; within reach but not allowed is FORBIDDEN. */
  private async visibleContract(em: EntityManager, id: string, p: Principal, action: 'read' | 'create'): Promise<ContractEntity> {
    const c = UUID.test(id) ? await this.contracts.byId(em, id) : null;
    const ability = this.abilities.for(p);
    if (!c || !ability.can('read', subject('Contract', { ...c }))) throw new DomainError('NOT_FOUND', 'no such contract');
    if (!ability.can(action, subject('Ticket', { tenantId: c.tenantId, vendorOrgId: c.vendorOrgId }))) {
      throw new DomainError('FORBIDDEN', action === 'create' ? 'only the buyer (admin or staff) submits tickets' : 'your role does not read tickets');
    }
    return c;
  }

  private async visibleTicket(em: EntityManager, id: string, p: Principal, lock: boolean): Promise<{ ticket: TicketEntity; contract: ContractEntity }> {
    const t = UUID.test(id) ? await this.repo.byId(em, id, lock) : null;
    const c = t ? await this.contracts.byId(em, t.contractId) : null;
    if (!t || !c || !this.abilities.for(p).can('read', subject('Ticket', { tenantId: t.tenantId, vendorOrgId: c.vendorOrgId }))) {
      throw new DomainError('NOT_FOUND', 'no such ticket');
    }
    return { ticket: t, contract: c };
  }

  private async governingFor(em: EntityManager, contract: ContractEntity, version: number): Promise<Governing> {
    const key = `${contract.id}:${version}`;
    const known = this.governing.get(key);
    if (known) return known;
    const row = (await this.contracts.versions(em, [contract.id])).find((v) => v.version === version);
    if (!row) throw new Error(`contract ${contract.id} has no version ${version}`);
    const config = parseContractConfig(row.configuration);
    const gov = { config, calendar: calendarOf(config), version };
    this.governing.set(key, gov);
    return gov;
  }

  /** The instant of an action: given (ISO with offset, not in the future) or now, in the contract's zone. */
  private instant(given: string | undefined | null, gov: Governing, problems: Problem[]): string {
    const zone = timeZoneOf(gov.config);
    if (given == null) return formatInstant(Date.now(), zone);
    try {
      if (toEpochMs(given) > Date.now() + FUTURE_TOLERANCE_MS) problems.push({ path: 'input.at', message: `${given} is in the future: record what has happened` });
    } catch {
      // transition / openTicket report the malformed instant themselves.
    }
    return given;
  }

  private ticketRow(contract: ContractEntity, t: Ticket, version: number, source: 'api' | 'import', userId: string): Omit<TicketEntity, 'id' | 'createdAt' | 'updatedAt'> {
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

  private async models(em: EntityManager, contract: ContractEntity, rows: TicketEntity[], p: Principal): Promise<TicketModel[]> {
    const byTicket = new Map<string, TicketEventEntity[]>();
    for (const e of await this.repo.events(em, contract.tenantId, rows.map((r) => r.id))) {
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
        events: own.map((e, i) => ({ seq: e.seq, kind: e.kind, at: t.events[i].at, actorSide: e.actorSide, actorUserId: e.actorUserId, note: e.note, data: e.payload as JsonValue | null, recordedAt: e.recordedAt })),
        pauses: t.pauses.map((x) => ({ ...x })),
        // The checklist belongs to 单笔数据调整 / 批量数据处理 tickets only (the machine refuses it elsewhere).
        availableActions: side ? availableActions(t, side).filter((a) => a !== 'record-checklist' || isDataProcessing(t.category)) : [],
        stableUntil: until,
        ...this.sla(t, gov, now),
      });
    }
    return out;
  }

  private sla(t: Ticket, gov: Governing, now: number): { sla: TicketSlaModel | null; slaNote: string | null } {
    if (!gov.config.sla) return { sla: null, slaNote: 'the contract has no SLA policy' };
    if (!t.events.some((e) => e.kind === 'received')) return { sla: null, slaNote: 'the SLA clocks start at receipt (签收)' };
    try {
      const r = evaluateTicketSla({ ticket: toSlaTicket(t), policy: gov.config.sla.policy, calendar: gov.calendar, now });
      const statuses = r.targets.map((x) => x.status);
      const status = statuses.includes('breached') ? 'breached' : statuses.includes('running') ? 'running' : 'met';
      return { sla: { status, evaluatedAt: r.evaluatedAt, calendarVersion: r.calendarVersion, configVersion: gov.version, targets: r.targets.map((x) => ({ ...x })) }, slaNote: null };
    } catch (e) {
      if (e instanceof DomainError) return { sla: null, slaNote: e.message };
      throw e;
    }
  }
}

/** A concurrent request that took the same number first: CONFLICT (the transaction rolls back), not a server error. */
async function uniqueNumber<T>(number: string, insert: () => Promise<T>): Promise<T> {
  try {
    return await insert();
  } catch (e) {
    if (e instanceof QueryFailedError && (e.driverError as { code?: string }).code === '23505') throw new DomainError('CONFLICT', `a ticket "${number}" exists on this contract`);
    throw e;
  }
}

/** A concurrent import or request that took one of the file's numbers first: CONFLICT naming it (all rolls back). */
async function uniqueNumbers<T>(insert: () => Promise<T>): Promise<T> {
  try {
    return await insert();
  } catch (e) {
    const driver = e instanceof QueryFailedError ? (e.driverError as { code?: string; detail?: string }) : undefined;
    if (driver?.code === '23505') {
      const taken = /^Key \(tenant_id, contract_id, number\)=\([^,]+, [^,]+, (.*)\) already exists\.?$/.exec(driver.detail ?? '')?.[1];
      throw new DomainError('CONFLICT', taken ? `a ticket "${taken}" exists on this contract` : 'a ticket number of the file exists on this contract');
    }
    throw e;
  }
}

/** The ticket numbers a file gives (any 编号 column, trimmed): the only ones whose existence the import checks. */
function rowNumbers(rows: readonly Record<string, string>[]): string[] {
  const headers = new Set<string>(TICKET_ROW_COLUMNS.id.map((h) => h.toLowerCase()));
  const out = new Set<string>();
  for (const row of rows) {
    for (const [header, value] of Object.entries(row)) {
      if (typeof value === 'string' && value.trim() !== '' && headers.has(header.trim().toLowerCase())) out.add(value.trim());
    }
  }
  return [...out];
}

/** The domain ticket's own columns, as a created ticket and an imported one store them. */
function ticketColumns(t: Ticket): Pick<TicketEntity, 'number' | 'title' | 'category' | 'businessArea' | 'severity' | 'specialAttention' | 'expectedCloseDate' | 'extendedTo' | 'state' | 'checklist'> {
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

/** LX-0001, LX-0002, …: the first free number on the contract. */
function nextNumber(existing: string[]): string {
  const taken = new Set(existing);
  for (let n = existing.length + 1; ; n++) {
    const candidate = `LX-${String(n).padStart(4, '0')}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** The input as the pure machine's action; the machine reports what is missing for the action named. */
function actionOf(input: TransitionTicketInput, problems: Problem[]): TicketAction {
  let checklist: DataChecklist | undefined;
  if (input.checklist != null) {
    const c = input.checklist;
    if (typeof c !== 'object' || Array.isArray(c)) problems.push({ path: 'input.checklist', message: 'must be an object' });
    else {
      checklist = {};
      for (const [k, v] of Object.entries(c)) {
        if (!(CHECKLIST_KEYS as readonly string[]).includes(k)) problems.push({ path: `input.checklist.${k}`, message: `unknown item (known: ${CHECKLIST_KEYS.join(', ')})` });
        else if (k === 'deletes' ? typeof v !== 'boolean' : typeof v !== 'boolean' && typeof v !== 'string') problems.push({ path: `input.checklist.${k}`, message: k === 'deletes' ? 'true or false' : 'true, false or an evidence reference' });
        else (checklist as Record<string, string | boolean>)[k] = v as string | boolean;
      }
    }
  }
  const optional = <K extends string, V>(k: K, v: V | null | undefined): Partial<Record<K, V>> => (v == null ? {} : ({ [k]: v } as Record<K, V>));
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
  } as unknown as TicketAction;
}
