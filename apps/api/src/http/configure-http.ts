import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '../config/app-config';
import { IMPORT_REQUEST_BODY_LIMIT_BYTES } from '../tickets/ticket-file.parser';
import { applySecurityHeaders } from '../web/security-headers';

/**
 * The HTTP layer's settings, written once for the server (main.ts) and the tests' application (test/api/api-app.ts),
 * so what the tests probe is what runs.
 */
export function configureHttp(app: NestExpressApplication, config: AppConfig): void {
  applySecurityHeaders(app, config);
  // Ticket imports travel as base64 in the GraphQL body: allow the largest accepted file (Express's default is 100 kB).
  app.useBodyParser('json', { limit: IMPORT_REQUEST_BODY_LIMIT_BYTES });
}
