import { Logger } from '@nestjs/common';

/** What the monitor listens to: a BullMQ RedisConnection (or an ioredis client) — 'error', 'close' and 'ready'. */
export type RedisLinkEvents = {
  on(event: 'error', listener: (e: Error) => void): unknown;
  on(event: 'close' | 'ready', listener: () => void): unknown;
};

/** A BullMQ Queue or Worker: its own 'error' event, and its backend's connection(s). */
export type BullmqClientLike = {
  readonly name: string;
  on(event: 'error', listener: (e: Error) => void): unknown;
  getBackend(): { connection: RedisLinkEvents; blockingConnection?: RedisLinkEvents };
};

/** Socket-level failures: Redis (or the way to it) is gone; ioredis reconnects by itself. */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

export function isRedisConnectionError(e: Error): boolean {
  const code = 'code' in e && typeof e.code === 'string' ? e.code : '';
  return CONNECTION_CODES.has(code) || /Connection is closed|Stream isn't writeable/i.test(e.message);
}

type Outage = { since: number; code: string; failures: number; logged: boolean };

const codeOf = (e: Error): string => ('code' in e && typeof e.code === 'string' ? e.code : e.name);

/**
 * The process's view of Redis, from every connection it holds (the API's queues; a worker's BullMQ workers, their
 * blocking connections and queues). ioredis emits an 'error' per failed reconnect (BullMQ printed each as a stack
 * with console.error when nothing listened): this logs one warn line when the first connection is lost and one info
 * line when the last is back, with the error code, how long and how many failed retries — never a stack.
 * Listeners of `onRecovered` run after each loss (a connection attempt failed), once every connection is ready again
 * (the reconciler re-dispatches what the outage kept in the outbox).
 */
export class RedisLinkMonitor {
  private readonly logger = new Logger('Redis');
  /** Connections currently not ready (closed or failing), by label. */
  private readonly down = new Set<string>();
  /** The current outage: since when, its first error code, failed retries; null while all connections are up. */
  private outage: Outage | null = null;
  private lastError: { error: Error; source: string; at: number } | null = null;
  private readonly recovered: (() => void)[] = [];
  private stopped = false;
  private seq = 0;

  constructor(private readonly target = 'redis') {}

  /** Watches a BullMQ Queue or Worker: its 'error' event (so BullMQ never prints it) and its connection(s). */
  watchBullmq(client: BullmqClientLike, kind: 'queue' | 'worker'): void {
    const label = `${kind}:${client.name}#${++this.seq}`;
    client.on('error', (e) => this.error(label, e));
    const backend = client.getBackend();
    this.watch(`${label}`, backend.connection);
    if (backend.blockingConnection) this.watch(`${label}:blocking`, backend.blockingConnection);
  }

  /** Watches one connection's state ('error' events of a BullMQ client are routed through `error`). */
  watch(label: string, link: RedisLinkEvents, ownErrors = false): void {
    link.on('close', () => this.lost(label));
    link.on('ready', () => this.ready(label));
    // BullMQ forwards the connection's errors to its Queue/Worker: counted there, not twice.
    if (ownErrors) link.on('error', (e) => this.error(label, e));
  }

  onRecovered(listener: () => void): void {
    this.recovered.push(listener);
  }

  /** Whether every watched connection is ready (false during an outage). */
  get up(): boolean {
    return this.outage === null;
  }

  /** Shutting down: closing connections is no outage. */
  stop(): void {
    this.stopped = true;
  }

  private error(source: string, e: Error): void {
    if (this.stopped) return;
    if (!isRedisConnectionError(e)) {
      // Not the connection: a BullMQ failure (a lock not renewed, a script error) — one line, still no stack.
      this.logger.error({ source, code: codeOf(e), error: e.message }, 'Redis client error');
      return;
    }
    // ioredis emits a socket's error just before its 'close': kept for the outage that close starts.
    if (!this.outage) {
      this.lastError = { error: e, source, at: Date.now() };
      return;
    }
    this.failed(this.outage, source, e);
  }

  /** A connection closed (Redis gone, or a reconnect that failed): an outage starts or goes on. */
  private lost(label: string): void {
    if (this.stopped) return;
    this.down.add(label);
    if (this.outage) return;
    const outage = (this.outage = { since: Date.now(), code: 'closed', failures: 0, logged: false });
    const last = this.lastError;
    this.lastError = null;
    if (last && Date.now() - last.at < 2_000) this.failed(outage, last.source, last.error);
  }

  private failed(outage: Outage, source: string, e: Error): void {
    outage.failures++;
    if (outage.logged) return;
    outage.logged = true;
    outage.code = codeOf(e);
    this.logger.warn(
      { redis: this.target, code: outage.code, error: e.message, source: source.replace(/#\d+$/, '') },
      'Redis connection lost; reconnecting (enqueues fail fast, the outbox keeps the jobs)',
    );
  }

  private ready(label: string): void {
    // A connection's first 'ready' (at start) is no recovery.
    if (!this.down.delete(label) || this.down.size > 0 || !this.outage || this.stopped) return;
    const outage = this.outage;
    this.outage = null;
    // Closed and reopened without a failed attempt (BullMQ reconnecting a connection itself; seen just after a
    // recovery): no loss, nothing logged, no second recovery pass.
    if (!outage.logged) return;
    this.logger.log(
      { redis: this.target, code: outage.code, downMs: Date.now() - outage.since, failedRetries: outage.failures },
      'Redis connection back',
    );
    for (const l of this.recovered) l();
  }
}
