import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { BullmqDispatcher, JobDispatcher } from '@ledger/jobs';
import type { NextFunction, Request, Response } from 'express';
import { SessionVerifier } from '@ledger/features';

export const QUEUE_BOARD_PATH = '/admin/queues';

/** The session token of a request: the Authorization header, or the `ledger_token` cookie a browser sends. */
function tokenOf(req: Request): string | undefined {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7);
  const cookie = req.headers.cookie
    ?.split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith('ledger_token='));
  return cookie ? decodeURIComponent(cookie.slice('ledger_token='.length)) : undefined;
}

/**
 * bull-board at /admin/queues when jobs run on BullMQ (REDIS_URL set): the queues, their jobs, retries. For platform
 * administrators only (a token the session check accepts, with that role); everyone else gets 401/403 before the board is reached.
 * In embedded mode there are no queues and nothing is mounted.
 */
@Injectable()
export class QueueBoard implements OnModuleInit {
  private readonly logger = new Logger('QueueBoard');

  constructor(
    private readonly host: HttpAdapterHost,
    private readonly dispatcher: JobDispatcher,
    private readonly sessions: SessionVerifier,
  ) {}

  onModuleInit(): void {
    if (!(this.dispatcher instanceof BullmqDispatcher)) return;
    const adapter = new ExpressAdapter();
    adapter.setBasePath(QUEUE_BOARD_PATH);
    createBullBoard({
      queues: [...this.dispatcher.queues.values()].map((q) => new BullMQAdapter(q)),
      serverAdapter: adapter,
      options: { uiConfig: { boardTitle: '履约台账 · 队列' } },
    });
    const guard = async (req: Request, res: Response, next: NextFunction) => {
      const token = tokenOf(req);
      if (!token) return void res.status(401).json({ error: 'sign in first (Bearer token or ledger_token cookie)' });
      try {
        const claims = await this.sessions.verify(token);
        if (claims.role !== 'platform-admin')
          return void res.status(403).json({ error: 'the queue board is for platform administrators' });
        next();
      } catch {
        res.status(401).json({ error: 'the session token is invalid or expired' });
      }
    };
    this.host.httpAdapter.getInstance().use(QUEUE_BOARD_PATH, guard, adapter.getRouter());
    this.logger.log(`bull-board at ${QUEUE_BOARD_PATH} (platform administrators)`);
  }
}
