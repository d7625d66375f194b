import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import request from 'supertest';
import { startApi, type TestApi } from './api-app';

/** The CSP's directives by name: `{ 'script-src': ["'self'"], … }`. */
function directives(csp: string | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const part of (csp ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out[name] = values;
  }
  return out;
}

// Issue 11, finding 2: every answer — API, health, the console's index.html and assets, a 404 — carries the headers
// that keep injected markup from running and the console from being framed, and no X-Powered-By.
describe('security headers (issue 11, finding 2)', () => {
  let api: TestApi;
  let webDir: string;

  beforeAll(async () => {
    // A console build of its own, so the test does not depend on `npm run build:web`.
    webDir = mkdtempSync(join(tmpdir(), 'ledger-web-'));
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(
      join(webDir, 'index.html'),
      '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>',
    );
    writeFileSync(join(webDir, 'assets', 'app.js'), 'export {};');
    api = await startApi({ WEB_DIST_DIR: webDir });
  }, 60_000);
  afterAll(async () => {
    await api?.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  const answers = () => {
    const server = api.app.getHttpServer();
    return [
      ['POST /graphql', api.gql('{ presets { id } }')],
      ['GET /graphql', request(server).get('/graphql?query=%7B__typename%7D').set('apollo-require-preflight', 'true')],
      ['GET /health', request(server).get('/health')],
      ['GET / (index.html)', request(server).get('/').set('accept', 'text/html')],
      ['GET /buyer/contracts (index.html)', request(server).get('/buyer/contracts').set('accept', 'text/html')],
      ['GET /assets/app.js', request(server).get('/assets/app.js')],
      ['GET /nothing.js (404)', request(server).get('/nothing.js')],
    ] as const;
  };

  it('sends a strict Content-Security-Policy: own scripts only, no inline script or handler, no framing, no plugins', async () => {
    for (const [what, pending] of answers()) {
      const res = await pending;
      const csp = directives(res.headers['content-security-policy']);
      expect({ what, script: csp['script-src'] }).toEqual({ what, script: ["'self'"] });
      expect({ what, attr: csp['script-src-attr'] }).toEqual({ what, attr: ["'none'"] });
      expect({ what, default: csp['default-src'] }).toEqual({ what, default: ["'self'"] });
      expect({ what, frames: csp['frame-ancestors'] }).toEqual({ what, frames: ["'none'"] });
      expect({ what, objects: csp['object-src'] }).toEqual({ what, objects: ["'none'"] });
      expect({ what, base: csp['base-uri'] }).toEqual({ what, base: ["'none'"] });
      // Nothing anywhere in the policy that lets script run from strings, markup or any origin.
      const everyValue = Object.values(csp).flat();
      expect({
        what,
        loose: everyValue.filter((v) =>
          ["'unsafe-eval'", "'unsafe-hashes'", "'wasm-unsafe-eval'", '*', 'http:', 'https:'].includes(v),
        ),
      }).toEqual({ what, loose: [] });
      expect({ what, inlineScript: [...csp['script-src'], ...csp['default-src']].includes("'unsafe-inline'") }).toEqual(
        { what, inlineScript: false },
      );
    }
  });

  it('forbids framing and sniffing, sends no referrer and no X-Powered-By', async () => {
    for (const [what, pending] of answers()) {
      const res = await pending;
      expect({
        what,
        frame: res.headers['x-frame-options'],
        nosniff: res.headers['x-content-type-options'],
        referrer: res.headers['referrer-policy'],
        poweredBy: res.headers['x-powered-by'],
      }).toEqual({ what, frame: 'DENY', nosniff: 'nosniff', referrer: 'no-referrer', poweredBy: undefined });
    }
  });

  it('still serves the console and the API under those headers', async () => {
    const server = api.app.getHttpServer();
    const index = await request(server).get('/buyer/contracts').set('accept', 'text/html');
    expect(index.status).toBe(200);
    expect(index.text).toContain('<div id="root">');
    const gql = await api.gql('{ presets { id } }');
    expect(gql.status).toBe(200);
    expect(gql.body.errors).toBeUndefined();
  });
});
