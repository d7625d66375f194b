/**
 * The benchmark data generator (bench/lib/generate.ts) writes what the product itself would have written: a small
 * world loaded through it is read back by the product's own code, as the application role under row-level
 * security, and every computation finds what it needs —
 *  - the world: tenants, users, one vendor holding every contract, contracts round-robin over the presets with
 *    configuration version 1 exactly as the API stores it;
 *  - tickets: every stored history, read back and mapped like the jobs map it, evaluates (evaluateTicket at `now`)
 *    to exactly the stored ticket_sla_results row; the mix has closed and open tickets, breaches, pauses,
 *    special-attention tickets with expected dates inside the term;
 *  - period data: the product's period close (computePeriodClose, as the close job calls it) of every closable period
 *    of every contract computes a full assessment with nothing missing, and sensible ticket metrics on Xuzhou;
 *  - determinism: the same seed gives the same tickets, and the CSV import lines parse back (validateTicketRows) to
 *    the same tickets.
 */
import {
  calendarOf,
  closablePeriods,
  evaluateTicket,
  parseContractConfig,
  PRESET_IDS,
  timeZoneOf,
  validateTicketRows,
} from '@ledger/contracts';
import { computePeriodClose } from '../../libs/features/src/period-close/period-close.computation';
import { NationalCalendarStore } from '../../libs/features/src/shared/national-calendar.store';
import { ticketToDomain } from '../../libs/features/src/tickets/ticket-sla.job';

const calendars = new NationalCalendarStore();
import {
  ContractVersionEntity,
  createDataSource,
  TenantDatabase,
  TicketEntity,
  TicketEventEntity,
} from '@ledger/persistence';
import type { DataSource } from 'typeorm';
import { createBenchDatabase, type BenchDatabase } from '../../bench/lib/bench-db';
import {
  generatePeriodData,
  generateTickets,
  generateWorld,
  presetConfig,
  ticketCsvLines,
  ticketImportRows,
  type GeneratedWorld,
} from '../../bench/lib/generate';
import { generateTicket, ticketContext } from '../../bench/lib/generate-tickets';

const NOW = '2026-12-31T23:00:00+08:00';
const SEED = 20260501;

describe('benchmark data generator', () => {
  let db: BenchDatabase;
  let ds: DataSource;
  let tdb: TenantDatabase;
  let world: GeneratedWorld;
  const counts = new Map<string, { tickets: number; events: number; slaResults: number }>();

  beforeAll(async () => {
    const t0 = Date.now();
    db = await createBenchDatabase('genspec');
    world = await generateWorld(db, { seed: SEED, tenants: 3 });
    for (const t of world.tenants)
      for (const c of t.contracts) {
        const ref = { tenantId: t.id, contractId: c.id, presetId: c.presetId };
        counts.set(
          c.id,
          await generateTickets(db, ref, { seed: SEED, count: c.presetId === 'xuzhou-2026' ? 300 : 30, now: NOW }),
        );
        await generatePeriodData(db, ref, { seed: SEED, upTo: '2026-12-31' });
      }
    ds = createDataSource({ url: db.appUrl }, { poolSize: 2 });
    await ds.initialize();
    tdb = new TenantDatabase(ds, { setRole: false });
    if (process.env.GEN_DEBUG) console.log('setup', Date.now() - t0);
  }, 60_000);

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  /** The tenant's buyer admin (read in the platform scope, which sees users). */
  const adminOf = async (tenantId: string): Promise<string> => {
    const rows: { id: string }[] = await tdb.run({ kind: 'platform', userId: null }, (em) =>
      em.query(`SELECT id FROM users WHERE tenant_id = $1 AND role = 'buyer-admin'`, [tenantId]),
    );
    return rows[0].id;
  };

  it('loads the world: tenants, their users, contracts round-robin over the presets, versions as the API stores them', async () => {
    expect(world.tenants).toHaveLength(3);
    const presets = world.tenants.flatMap((t) => t.contracts.map((c) => c.presetId));
    expect(presets).toEqual(PRESET_IDS.slice(0, presets.length));
    for (const t of world.tenants) {
      expect(t.contracts.length).toBeGreaterThanOrEqual(1);
      expect(t.contracts.length).toBeLessThanOrEqual(3);
      const seen = await tdb.run({ kind: 'tenant', tenantId: t.id, userId: await adminOf(t.id) }, async (em) => ({
        contracts: await em.query(`SELECT id, preset_id, vendor_org_id, current_version FROM contracts ORDER BY code`),
        versions: await em.getRepository(ContractVersionEntity).find(),
        users: await em.query(`SELECT email, role FROM users ORDER BY email`),
      }));
      expect(seen.contracts.map((c: { id: string }) => c.id).sort()).toEqual(t.contracts.map((c) => c.id).sort());
      expect(new Set(seen.contracts.map((c: { vendor_org_id: string }) => c.vendor_org_id))).toEqual(
        new Set([world.vendorOrgId]),
      );
      expect(seen.users.map((u: { email: string; role: string }) => `${u.role} ${u.email}`).sort()).toEqual(
        t.users.map((u) => `${u.role} ${u.email}`).sort(),
      );
      for (const v of seen.versions) {
        const c = t.contracts.find((x) => x.id === v.contractId);
        expect(v.version).toBe(1);
        expect(v.configuration).toEqual(presetConfig(c?.presetId as string).stored);
        expect(() => parseContractConfig(v.configuration)).not.toThrow();
      }
    }
    expect(world.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('stores ticket histories whose SLA evaluation at `now` is exactly the stored SLA result', async () => {
    for (const t of world.tenants)
      for (const c of t.contracts) {
        const expected = counts.get(c.id);
        const { tickets, events, results, version } = await tdb.run(
          { kind: 'tenant', tenantId: t.id, userId: await adminOf(t.id) },
          async (em) => ({
            tickets: await em.getRepository(TicketEntity).find({ where: { contractId: c.id } }),
            events: await em
              .getRepository(TicketEventEntity)
              .find({ where: { contractId: c.id }, order: { ticketId: 'ASC', seq: 'ASC' } }),
            results: (await em.query(
              `SELECT ticket_id, event_count, status, targets, evaluated_at FROM ticket_sla_results WHERE contract_id = $1`,
              [c.id],
            )) as {
              ticket_id: string;
              event_count: number;
              status: string;
              targets: unknown;
              evaluated_at: Date;
            }[],
            version: await em
              .getRepository(ContractVersionEntity)
              .findOneOrFail({ where: { contractId: c.id, version: 1 } }),
          }),
        );
        expect({ tickets: tickets.length, events: events.length, slaResults: results.length }).toEqual(expected);
        const config = parseContractConfig(version.configuration);
        const gov = { config, calendar: calendarOf(config), version: 1 };
        const byTicket = new Map<string, TicketEventEntity[]>();
        for (const e of events) byTicket.set(e.ticketId, [...(byTicket.get(e.ticketId) ?? []), e]);
        const resultOf = new Map(results.map((r) => [r.ticket_id, r]));
        for (const row of tickets) {
          const own = byTicket.get(row.id) ?? [];
          expect(own.map((e) => e.seq)).toEqual(own.map((_, i) => i + 1));
          const evaluation = evaluateTicket(ticketToDomain(row, own, timeZoneOf(config)), gov, Date.parse(NOW));
          const stored = resultOf.get(row.id);
          if (!evaluation.ok) {
            expect(stored).toBeUndefined();
            continue;
          }
          expect(stored).toBeDefined();
          expect(stored?.event_count).toBe(own.length);
          expect(stored?.status).toBe(evaluation.status);
          expect(stored?.targets).toEqual(evaluation.result.targets);
        }
      }
  });

  it('makes a realistic mix on Xuzhou: most closed, some open, breaches, pauses, special attention inside the term', async () => {
    const t = world.tenants[0];
    const c = t.contracts.find((x) => x.presetId === 'xuzhou-2026');
    if (!c) throw new Error('tenant t0001 holds xuzhou-2026 first');
    const mix = await tdb.run({ kind: 'tenant', tenantId: t.id, userId: await adminOf(t.id) }, (em) =>
      em.query(
        `SELECT count(*)::int AS total,
                count(*) FILTER (WHERE state = 'closed')::int AS closed,
                count(*) FILTER (WHERE state NOT IN ('closed', 'withdrawn', 'unsolvable'))::int AS open,
                count(*) FILTER (WHERE special_attention)::int AS special,
                count(*) FILTER (WHERE special_attention AND (expected_close_date IS NULL OR expected_close_date NOT BETWEEN '2026-01-01' AND '2026-12-31'))::int AS special_outside,
                count(*) FILTER (WHERE extended_to IS NOT NULL)::int AS extended,
                (SELECT count(DISTINCT ticket_id)::int FROM ticket_events e WHERE e.contract_id = $1 AND e.kind = 'paused') AS paused,
                (SELECT count(*)::int FROM ticket_sla_results r WHERE r.contract_id = $1 AND r.status = 'breached') AS breached,
                (SELECT count(*)::int FROM ticket_sla_results r WHERE r.contract_id = $1 AND r.status = 'running') AS running
           FROM tickets WHERE contract_id = $1`,
        [c.id],
      ),
    );
    const m = mix[0];
    expect(m.total).toBe(300);
    // Numbered in the order they were raised, as the API numbers them: number order is creation order.
    const order: { number: string }[] = await tdb.run(
      { kind: 'tenant', tenantId: t.id, userId: await adminOf(t.id) },
      (em) => em.query(`SELECT number FROM tickets WHERE contract_id = $1 ORDER BY created_at, number`, [c.id]),
    );
    expect(order.map((x) => x.number)).toEqual(order.map((_, i) => `LX-${String(i + 1).padStart(4, '0')}`));
    expect(m.closed / m.total).toBeGreaterThan(0.8);
    expect(m.open).toBeGreaterThan(0);
    expect(m.special).toBeGreaterThan(5);
    expect(m.special_outside).toBe(0);
    expect(m.extended).toBeGreaterThan(0);
    expect(m.paused).toBeGreaterThan(3);
    expect(m.breached / m.total).toBeGreaterThan(0.03);
    expect(m.breached / m.total).toBeLessThan(0.4);
  });

  it("gives the product's period close everything it needs: a full assessment, nothing missing, for every contract", async () => {
    const asOf = '2026-12-31';
    for (const t of world.tenants)
      for (const c of t.contracts) {
        const config = presetConfig(c.presetId).config;
        for (const period of closablePeriods(config).filter((p) => p.start <= asOf)) {
          const computed = await tdb.run(
            { kind: 'tenant', tenantId: t.id, userId: await adminOf(t.id), operation: 'test' },
            async (em) =>
              computePeriodClose(em, {
                contractId: c.id,
                config,
                calendar: await calendars.calendarOf(em, config),
                period: period.id,
                asOf,
              }),
          );
          expect({ contract: c.presetId, period: period.id, missing: computed.missing }).toEqual({
            contract: c.presetId,
            period: period.id,
            missing: [],
          });
          if (config.assessment) {
            expect(computed.assessment.score).not.toBeNull();
            expect(computed.assessments.every((a) => a.missing.length === 0 && a.score !== null)).toBe(true);
          }
          if (c.presetId === 'xuzhou-2026') {
            const rate = computed.metrics.find((x) => x.id === 'achievementRate' && x.period === period.id);
            const delay = computed.metrics.find((x) => x.id === 'specialDelayDays' && x.period === period.id);
            const months = computed.metrics.find((x) => x.id === 'personMonths');
            expect(Number(rate?.denominator)).toBeGreaterThan(50);
            // A percentage: most tickets with an expected date are done by it, not all.
            expect(Number(rate?.value)).toBeGreaterThan(60);
            expect(Number(rate?.value)).toBeLessThan(100);
            expect(delay?.value).not.toBeNull();
            expect((months?.details as { lacking: string[] }).lacking).toEqual([]);
          }
        }
      }
  }, 30_000);

  it('is deterministic from the seed, and the import lines parse back to the same tickets', () => {
    const p = presetConfig('xuzhou-2026');
    const ctx = ticketContext('xuzhou-2026', p.config, calendarOf(p.config), Date.parse(NOW), 300);
    for (const i of [0, 17, 299]) expect(generateTicket(ctx, SEED, i)).toEqual(generateTicket(ctx, SEED, i));
    expect(generateTicket(ctx, SEED, 3)).not.toEqual(generateTicket(ctx, SEED + 1, 3));
    const lines = [...(ticketCsvLines('xuzhou-2026', { seed: SEED, count: 200, prefix: 'IM-' }) as Iterable<string>)];
    expect(lines[0]).toMatch(/^编号,标题,问题分类/);
    const rows = [...ticketImportRows('xuzhou-2026', { seed: SEED, count: 200, prefix: 'IM-' })];
    expect(lines).toHaveLength(rows.length + 1);
    const checked = validateTicketRows(rows, p.config, { now: Date.parse(NOW) });
    expect(checked.problems).toEqual([]);
    expect(checked.tickets.map((t) => t.id)).toEqual(rows.map((r) => r['编号']));
    const states = new Set(checked.tickets.map((t) => t.state));
    expect(states.has('closed')).toBe(true);
  });
});
