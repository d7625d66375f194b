import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'fs';
import { join, resolve } from 'path';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/** Paths that belong to the API: never answered with the console's files or its index.html. */
export const API_PATH_PREFIXES = ['/graphql', '/health', '/exports', '/admin'] as const;

export function isApiPath(path: string): boolean {
  return API_PATH_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`));
}

/**
 * Serves the built web console (WEB_DIST_DIR, `npm run build:web`) from the API's origin, so one URL gives both
 * and the browser needs no CORS: hashed assets cached for good, and every other GET that asks for HTML and is
 * not an API path answered with index.html (client-side routes such as /buyer/contracts/…). Without a build
 * nothing is mounted and the API runs alone.
 */
@Injectable()
export class WebConsole implements OnModuleInit {
  private readonly logger = new Logger('WebConsole');
  readonly directory: string;
  /** True when a built console was found and mounted. */
  mounted = false;

  constructor(
    private readonly host: HttpAdapterHost,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.directory = resolve(config.WEB_DIST_DIR);
  }

  onModuleInit(): void {
    const index = join(this.directory, 'index.html');
    if (!existsSync(index)) {
      this.logger.log(`no web console at ${this.directory} (npm run build:web builds it); serving the API only`);
      return;
    }
    const files = express.static(this.directory, {
      index: false,
      setHeaders: (res, path) =>
        res.setHeader(
          'cache-control',
          path.startsWith(join(this.directory, 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache',
        ),
    });
    const app = this.host.httpAdapter.getInstance<express.Express>();
    app.use((req: Request, res: Response, next: NextFunction) => {
      if ((req.method !== 'GET' && req.method !== 'HEAD') || isApiPath(req.path)) return next();
      files(req, res, () => {
        // Not a file: a client-side route gets the app shell; anything else (a missing asset) falls through to 404.
        if (!req.accepts('html') || /\.[a-z0-9]+$/i.test(req.path)) return next();
        res.setHeader('cache-control', 'no-cache');
        res.sendFile(index);
      });
    });
    this.mounted = true;
    this.logger.log(`web console from ${this.directory}`);
  }
}
