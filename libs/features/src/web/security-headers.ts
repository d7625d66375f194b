import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import type { AppConfig } from '../config/app-config';

/**
 * The console's Content-Security-Policy. No inline or foreign script: Vite's build loads module scripts by `src`
 * only, so an injected `<script>` or `onerror=` handler never runs. Inline style *attributes* stay allowed because
 * ECharts' HTML tooltip markup carries them (style elements and foreign stylesheets do not); React's `style` props
 * go through the CSSOM, which CSP does not restrict.
 */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'style-src-attr': ["'unsafe-inline'"],
  // data: for the empty favicon of index.html.
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
} as const;

/**
 * Response headers for every answer (API and console), registered before any route or the console's static files:
 * the CSP above, no framing (`frame-ancestors 'none'` and `X-Frame-Options: DENY`), `nosniff`, no referrer, and no
 * `X-Powered-By`. Helmet (docs/decisions.md) writes them; its other defaults (COOP/CORP same-origin, …) stay on.
 */
export function applySecurityHeaders(app: NestExpressApplication, _config: AppConfig): void {
  // Express adds X-Powered-By before any middleware runs; switch it off at the source, not only strip it.
  app.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
      // Without includeSubDomains: the console may share a parent domain with sites this service does not control.
      strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: false },
    }),
  );
}
