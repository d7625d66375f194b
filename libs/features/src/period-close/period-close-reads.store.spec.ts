import type { EntityManager } from 'typeorm';
import { PeriodCloseReads, type TicketMetricRow } from './period-close-reads.store';

const row = (i: number): TicketMetricRow => ({
  number: `LX-${i}`,
  state: 'closed',
  special_attention: false,
  expected_close_date: '2026-03-01',
  extended_to: null,
  completed_at: null,
});

/** An EntityManager that answers the reads' SQL from an array: the contract, DECLARE, FETCH n, CLOSE. */
function fakeEm(total: number, opts: { failAtFetch?: number } = {}) {
  const log: string[] = [];
  let position = 0;
  let fetches = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const em = {
    async query(sql: string): Promise<unknown[]> {
      const kind = sql.trim().split(/\s+/)[0];
      log.push(kind);
      if (kind === 'SELECT') return [{ tenant_id: 't1' }];
      if (kind === 'FETCH') {
        const n = Number(/FETCH FORWARD (\d+)/.exec(sql)?.[1]);
        fetches++;
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((r) => setTimeout(r, 1));
        inFlight--;
        if (opts.failAtFetch === fetches) throw new Error('connection lost');
        const rows = Array.from({ length: Math.max(0, Math.min(n, total - position)) }, (_, i) => row(position + i));
        position += rows.length;
        return rows;
      }
      return [];
    },
  } as unknown as EntityManager;
  return { em, log, stats: () => ({ fetches, maxInFlight }) };
}

async function collect(em: EntityManager, size: number, stopAfter = Infinity): Promise<number[]> {
  const sizes: number[] = [];
  for await (const batch of PeriodCloseReads.ticketBatches(em, 'c1', 'deployed', size)) {
    sizes.push(batch.length);
    await new Promise((r) => setTimeout(r, 2)); // the caller converts the batch: the next FETCH is already under way
    if (sizes.length >= stopAfter) break;
  }
  return sizes;
}

describe('PeriodCloseReads.ticketBatches (cursor, one batch ahead)', () => {
  it('hands over every ticket in batches, fetching the next batch while the caller works, then closes the cursor', async () => {
    const f = fakeEm(25);
    expect(await collect(f.em, 10)).toEqual([10, 10, 5]);
    expect(f.log).toEqual(['SELECT', 'DECLARE', 'FETCH', 'FETCH', 'FETCH', 'CLOSE']);
    expect(f.stats().maxInFlight).toBe(1);
  });

  it('an exact multiple ends with one empty FETCH; no tickets, no batch', async () => {
    const f = fakeEm(20);
    expect(await collect(f.em, 10)).toEqual([10, 10]);
    expect(f.log.filter((k) => k === 'FETCH')).toHaveLength(3);
    expect(await collect(fakeEm(0).em, 10)).toEqual([]);
  });

  it('a caller that stops early waits for the prefetch and closes the cursor', async () => {
    const f = fakeEm(100);
    expect(await collect(f.em, 10, 1)).toEqual([10]);
    expect(f.log).toEqual(['SELECT', 'DECLARE', 'FETCH', 'FETCH', 'CLOSE']);
  });

  it('a failing prefetch fails the read (no unhandled rejection) and still closes', async () => {
    const f = fakeEm(100, { failAtFetch: 2 });
    await expect(collect(f.em, 10)).rejects.toThrow('connection lost');
    expect(f.log[f.log.length - 1]).toBe('CLOSE');
  });
});
