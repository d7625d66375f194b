import { randomBytes } from 'crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { basename, join } from 'path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import {
  eventually,
  queuePrefix,
  REDIS_URL,
  startNodeProcess,
  startWorker,
  type WorkerProcess,
} from '../jobs/worker-harness';
import { asSuperuser, createTestDatabase, type TestDatabase } from '../support/test-database';

/** What the e2e tests run: `npm run build` (API, worker) and `npm run build:web` (the console); `npm test` does both. */
export const API_MAIN = join(process.cwd(), 'dist', 'apps', 'api', 'src', 'main.js');
export const WEB_DIST = join(process.cwd(), 'dist', 'web');
/** Debian's `chromium` package (`.ci/run` installs it); no browser download. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Artefacts of the run, not committed (tmp/ is ignored). */
export const SCREENSHOT_DIR = join(process.cwd(), 'tmp', 'screenshots');
export const DEMO_PASSWORD = 'demo-password-2026';

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * How the product runs under a suite: `server` (PostgreSQL server + Redis + a worker process) or `embedded` (what
 * `npm start` does on a fresh clone: PGlite under a data directory, jobs in the API process, no Redis). The jest
 * config runs the role journeys a second time with the global WEB_STACK_MODE = 'embedded'.
 */
export type WebStackMode = 'server' | 'embedded';
/** The demo the API seeds: `auto` (the suites' fixed figures) or `full` (what `npm start` shows: closes, schedules, procurement). */
export type DemoSeed = 'auto' | 'full';
export const WEB_STACK_MODE: WebStackMode =
  (globalThis as { WEB_STACK_MODE?: string }).WEB_STACK_MODE === 'embedded' ? 'embedded' : 'server';
/**
 * Embedded suites wait this long before every test, idle: longer than any pool idle timeout (pg's default is
 * 10 s), so a connection dropped and reopened while nobody used it is what the next page meets (issue 12).
 */
export const IDLE_GAP_MS = 12_000;

export type WebStack = {
  mode: WebStackMode;
  /** The one origin serving the console and the API, e.g. http://127.0.0.1:41234 */
  url: string;
  /** The server database (server mode); embedded mode has none a test may open (PGlite is one session). */
  db: TestDatabase | null;
  api: WorkerProcess;
  /** The worker process (server mode); embedded mode runs the jobs in the API process. */
  worker: WorkerProcess | null;
  /** Calls the API directly as a demo user: to set up data or to know what the page must show. */
  gql<T>(email: string, query: string, variables?: Record<string, unknown>): Promise<T>;
  /** Resolves when every job the database holds has completed (the seed's SLA results, a close, an export). */
  jobsSettled(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
};

/**
 * The real product for one test file. Server mode: a fresh PostgreSQL database (migrated by the owner role, served
 * as the app role), the compiled API on a free port with REDIS_URL and the demo seed, serving the built console, and
 * a worker process on the same queues. Embedded mode: the compiled API alone, as `npm start` runs it. Waits until
 * the seed's jobs are done, so the dashboards show stored results.
 */
/** `seedDemo`: 'auto' (the base demo the suites' figures are written against) or 'full' (with the showcase, as `npm start`). */
export async function startWebStack(
  name: string,
  mode: WebStackMode = WEB_STACK_MODE,
  seedDemo: DemoSeed = 'auto',
): Promise<WebStack> {
  if (!existsSync(join(WEB_DIST, 'index.html'))) throw new Error(`${WEB_DIST} is missing: run npm run build:web first`);
  const secret = randomBytes(32).toString('hex');
  let db: TestDatabase | null = null;
  let worker: WorkerProcess | null = null;
  let api: WorkerProcess;
  let dataDir: string | null = null;
  if (mode === 'embedded') {
    // Exactly the `npm start` configuration: no DATABASE_URL, no REDIS_URL, a fresh data directory.
    dataDir = mkdtempSync(join(tmpdir(), `ledger-web-${name}-`));
    api = startNodeProcess(API_MAIN, 'api', {
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: '0',
      JWT_SECRET: secret,
      SEED_DEMO: seedDemo,
      WEB_DIST_DIR: WEB_DIST,
      SLA_SCAN_INTERVAL_SECONDS: '0',
    });
  } else {
    db = await createTestDatabase();
    const prefix = queuePrefix(name);
    const shared = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      DATABASE_URL: db.appUrl,
      REDIS_URL,
      QUEUE_PREFIX: prefix,
      SLA_SCAN_INTERVAL_SECONDS: '0',
      JOB_RECONCILE_INTERVAL_SECONDS: '2',
      JOB_STALE_SECONDS: '3',
    };
    api = startNodeProcess(API_MAIN, 'api', {
      ...shared,
      HOST: '127.0.0.1',
      PORT: '0',
      JWT_SECRET: secret,
      SEED_DEMO: seedDemo,
      WEB_DIST_DIR: WEB_DIST,
    });
    worker = startWorker({ ...shared, WORKER_LOCK_MS: '5000' });
  }
  const stop = async () => {
    await Promise.all([api.stop(), worker?.stop()]);
    await db?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await Promise.all([api.waitFor(/Web console: http:\/\/\S+\//, 240_000), worker?.waitFor('worker ready', 60_000)]);
  } catch (e) {
    await stop();
    throw e;
  }
  const url = (/Web console: (http:\/\/[^\s/]+)\//.exec(api.output()) as RegExpExecArray)[1];
  const tokens = new Map<string, string>();
  const post = async (body: unknown, token?: string) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as { data?: unknown; errors?: unknown[] };
    if (json.errors?.length) throw new Error(JSON.stringify(json.errors));
    return json.data;
  };
  const tokenOf = async (email: string) => {
    const known = tokens.get(email);
    if (known) return known;
    const data = (await post({
      query: 'mutation ($i: LoginInput!) { login(input: $i) { token } }',
      variables: { i: { email, password: DEMO_PASSWORD } },
    })) as { login: { token: string } };
    tokens.set(email, data.login.token);
    return data.login.token;
  };
  const stack: WebStack = {
    mode,
    url,
    db,
    api,
    worker,
    gql: async <T>(email: string, query: string, variables: Record<string, unknown> = {}) =>
      (await post({ query, variables }, await tokenOf(email))) as T,
    jobsSettled: async (timeoutMs = 60_000) => {
      const server = db;
      const settled = server
        ? () =>
            asSuperuser(server.name, async (c) =>
              (await c.query("SELECT count(*)::int AS n FROM jobs WHERE status <> 'completed'")).rows[0].n === 0
                ? true
                : undefined,
            )
        : // Embedded: the platform admin's backlog count, through the API (nothing else may open PGlite's one session).
          async () => {
            const { jobBacklog } = await stack.gql<{ jobBacklog: { queued: number; failed: number } }>(
              'admin@demo.local',
              '{ jobBacklog { queued failed } }',
            );
            if (jobBacklog.failed) throw new Error(`${jobBacklog.failed} job(s) failed:\n${api.output().slice(-4000)}`);
            return jobBacklog.queued === 0 ? true : undefined;
          };
      await eventually(settled, timeoutMs, 250);
    },
    stop,
  };
  try {
    await stack.jobsSettled(90_000);
  } catch (e) {
    await stop();
    throw e;
  }
  return stack;
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does it)`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
}

export type BrowserSession = {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught page errors seen so far; a test fails when there is any (see `close`). */
  problems: string[];
  /** Saves `tmp/screenshots/<test file>-<name>.png` (full page). */
  screenshot(name: string): Promise<string>;
  /** Closes the context and throws when the browser logged an error. */
  close(): Promise<void>;
};

/** A fresh browser context (no stored session) on the stack's origin, in Chinese unless told otherwise. */
export async function openSession(
  browser: Browser,
  stack: WebStack,
  testFile: string,
  options: { locale?: 'zh-CN' | 'en' } = {},
): Promise<BrowserSession> {
  const context = await browser.newContext({
    baseURL: stack.url,
    locale: options.locale ?? 'zh-CN',
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console.error: ${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const prefix = basename(testFile).replace(/\.e2e\.spec\.ts$|\.spec\.ts$/, '');
  return {
    context,
    page,
    problems,
    async screenshot(name) {
      const path = join(SCREENSHOT_DIR, `${prefix}-${name}.png`);
      await page.screenshot({ path, fullPage: true });
      // Every page a test shows is also checked for unlabelled controls (the accessibility basics).
      for (const c of await unlabelledControls(page)) problems.push(`unlabelled control on ${name}: ${c}`);
      return path;
    },
    async close() {
      await context.close();
      if (problems.length) throw new Error(`the browser reported errors:\n${problems.join('\n')}`);
    },
  };
}

/**
 * Visible form controls and buttons without an accessible name: no <label> (wrapping or `for`), `aria-label`,
 * `aria-labelledby` or `title`; a button without text. A string expression: the test tsconfig has no DOM types.
 */
export async function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate(`(() => {
    const out = [];
    for (const el of document.querySelectorAll('input, select, textarea, button, [role="checkbox"], [role="combobox"]')) {
      if (el.type === 'hidden' || el.closest('[hidden], [aria-hidden="true"]')) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      const named = (el.labels && [...el.labels].some((l) => l.textContent.trim())) || (el.getAttribute('aria-label') || '').trim()
        || (el.getAttribute('aria-labelledby') || '').split(/\\s+/).some((id) => id && (document.getElementById(id)?.textContent || '').trim())
        || (el.getAttribute('title') || '').trim() || (el.tagName === 'BUTTON' && el.textContent.trim());
      if (!named) out.push(el.outerHTML.slice(0, 160));
    }
    return out;
  })()`);
}

export type WebSuite = {
  /** The suite's stack, started in `beforeAll`. */
  readonly stack: WebStack;
  /** A fresh browser session for this test, closed (and its browser errors failing the test) after it; signed in when given an email. */
  session(email?: string, options?: { locale?: 'zh-CN' | 'en' }): Promise<BrowserSession>;
};

/**
 * The Jest hooks every web e2e suite needs, to call at the top of its `describe`: the stack and the browser before
 * all (then `setup` with the stack), each test's session closed after it, the browser and the stack stopped at the end.
 */
export function webSuite(
  name: string,
  testFile: string,
  options: { setup?: (stack: WebStack) => Promise<void>; setupTimeoutMs?: number; seed?: DemoSeed } = {},
): WebSuite {
  let stack: WebStack | undefined;
  let browser: Browser | undefined;
  let current: BrowserSession | undefined;
  beforeAll(
    async () => {
      [stack, browser] = await Promise.all([startWebStack(name, WEB_STACK_MODE, options.seed), launchBrowser()]);
      await options.setup?.(stack);
    },
    (options.setupTimeoutMs ?? 180_000) + (WEB_STACK_MODE === 'embedded' ? 120_000 : 0),
  );
  if (WEB_STACK_MODE === 'embedded') {
    // Nobody touches the product for longer than any pool idle timeout before each test (issue 12).
    beforeEach(() => new Promise<void>((done) => setTimeout(done, IDLE_GAP_MS)), IDLE_GAP_MS + 10_000);
  }
  afterEach(async () => {
    // Fails the test that left a console error, page error or unlabelled control behind.
    const s = current;
    current = undefined;
    await s?.close();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  }, 60_000);
  return {
    get stack() {
      if (!stack) throw new Error('the web stack is not started (use it inside a test or hook)');
      return stack;
    },
    async session(email, sessionOptions) {
      if (!stack || !browser) throw new Error('the web stack is not started (use it inside a test or hook)');
      current = await openSession(browser, stack, testFile, sessionOptions);
      if (email) await signIn(current.page, email);
      return current;
    },
  };
}

/** Signs in through the login page (labels, not selectors) and waits for the role's first page. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(/邮箱|Email/).fill(email);
  await page.getByLabel(/密码|Password/).fill(password);
  await page.getByLabel(/密码|Password/).press('Enter');
  await page.getByRole('navigation').waitFor();
}
