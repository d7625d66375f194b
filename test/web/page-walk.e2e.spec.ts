import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import type { Browser, Page, Request, Response } from 'playwright-core';
import { type BrowserSession, launchBrowser, openSession, signIn, startWebStack, type WebStack } from './web-harness';

/*
 * Issue 12 point 3: every page of every role, in zh-CN and in English, read as its user reads it. One case per page
 * (and per detail one click away), so a red run lists every offender with its page and text at once.
 *
 * zh-CN fails on: Latin words that are neither in the allowlist nor contract content (an English sentence or a raw
 * key), an ISO/UTC timestamp or an instant shown in UTC, a number with more than two decimals, a UUID, JSON, an error
 * state. English fails on Chinese text that is not contract content, and on the same machine artefacts.
 * Contract content = strings the API sends under fields people type (names, labels, titles, notes; see CONTENT_KEYS).
 */

type Locale = 'zh-CN' | 'en';
type Ctx = { ids: Map<string, string> };
type Case = {
  /** Shown in the test name and the screenshot file: `<role>-<page>`. */
  name: string;
  user: string;
  /** Path with `{code}` placeholders replaced by the id of the contract with that code. */
  path: string;
  /** Detail pages: what to click on the page at `path` (a CSS selector of a link or button); the first match is opened. */
  open?: string;
  /** Main pages are photographed in both languages. */
  screenshot?: boolean;
};

const XZ = '{xuzhou-2026}';
const HA = '{huaian-2025-2026}';
const QH = '{qinghai-hospital-3y}';
const BJ = '{beijing-2020}';
const TJ = '{tianjin-2026-p1}';

const buyerContract = (prefix: string, user: string, c: string): Case[] => [
  { name: `${prefix}-contract`, user, path: `/buyer/contracts/${c}`, screenshot: true },
  { name: `${prefix}-tickets`, user, path: `/buyer/contracts/${c}/tickets`, screenshot: true },
  { name: `${prefix}-inputs`, user, path: `/buyer/contracts/${c}/inputs`, screenshot: true },
  { name: `${prefix}-close`, user, path: `/buyer/contracts/${c}/close`, screenshot: true },
  { name: `${prefix}-reports`, user, path: `/buyer/contracts/${c}/reports`, screenshot: true },
];

const CASES: Case[] = [
  { name: 'login', user: '', path: '/login', screenshot: true },
  // Buyer admin, Xuzhou (the contract with months of activity), with its details one click away.
  { name: 'buyer-contracts', user: 'xuzhou.admin@demo.local', path: '/buyer/contracts', screenshot: true },
  ...buyerContract('buyer-xuzhou', 'xuzhou.admin@demo.local', XZ),
  {
    name: 'buyer-xuzhou-ticket-detail',
    user: 'xuzhou.admin@demo.local',
    path: `/buyer/contracts/${XZ}/tickets`,
    open: 'a[href*="?ticket="]',
  },
  {
    name: 'buyer-xuzhou-report-detail',
    user: 'xuzhou.admin@demo.local',
    path: `/buyer/contracts/${XZ}/reports`,
    open: 'a[href*="?month="]',
  },
  {
    name: 'buyer-xuzhou-close-detail',
    user: 'xuzhou.admin@demo.local',
    path: `/buyer/contracts/${XZ}/close`,
    open: 'table button[aria-label^="查看 "], table button[aria-label^="Open "]',
  },
  { name: 'buyer-what-if', user: 'xuzhou.admin@demo.local', path: '/buyer/what-if', screenshot: true },
  { name: 'buyer-procurement', user: 'tianjin.admin@demo.local', path: '/buyer/procurement', screenshot: true },
  {
    name: 'buyer-procurement-detail',
    user: 'tianjin.admin@demo.local',
    path: '/buyer/procurement',
    open: 'table button[aria-label^="打开 "], table button[aria-label^="Open "]',
  },
  // Every other agency's buyer admin on its contract (each preset shapes the configuration view differently).
  ...buyerContract('buyer-huaian', 'huaian.admin@demo.local', HA),
  ...buyerContract('buyer-qinghai', 'qinghai.admin@demo.local', QH),
  ...buyerContract('buyer-beijing', 'beijing.admin@demo.local', BJ),
  ...buyerContract('buyer-tianjin', 'tianjin.admin@demo.local', TJ),
  // Buyer staff: the same pages, read only.
  { name: 'staff-contracts', user: 'xuzhou.staff@demo.local', path: '/buyer/contracts' },
  { name: 'staff-xuzhou-contract', user: 'xuzhou.staff@demo.local', path: `/buyer/contracts/${XZ}` },
  { name: 'staff-xuzhou-tickets', user: 'xuzhou.staff@demo.local', path: `/buyer/contracts/${XZ}/tickets` },
  { name: 'staff-what-if', user: 'xuzhou.staff@demo.local', path: '/buyer/what-if' },
  { name: 'staff-procurement', user: 'xuzhou.staff@demo.local', path: '/buyer/procurement' },
  // The vendor: every tab of Xuzhou's contract, a month's report, Huai'an's dashboard and schedule.
  { name: 'vendor-contracts', user: 'vendor@demo.local', path: '/vendor/contracts', screenshot: true },
  { name: 'vendor-xuzhou-dashboard', user: 'vendor@demo.local', path: `/vendor/contracts/${XZ}`, screenshot: true },
  {
    name: 'vendor-xuzhou-tickets',
    user: 'vendor@demo.local',
    path: `/vendor/contracts/${XZ}/tickets`,
    screenshot: true,
  },
  {
    name: 'vendor-xuzhou-ticket-detail',
    user: 'vendor@demo.local',
    path: `/vendor/contracts/${XZ}/tickets`,
    open: 'a[href*="?ticket="]',
  },
  {
    name: 'vendor-xuzhou-reports',
    user: 'vendor@demo.local',
    path: `/vendor/contracts/${XZ}/reports`,
    screenshot: true,
  },
  {
    name: 'vendor-xuzhou-report-detail',
    user: 'vendor@demo.local',
    path: `/vendor/contracts/${XZ}/reports`,
    open: 'table a[href*="/reports/20"]',
  },
  {
    name: 'vendor-xuzhou-assessments',
    user: 'vendor@demo.local',
    path: `/vendor/contracts/${XZ}/assessments`,
    screenshot: true,
  },
  {
    name: 'vendor-xuzhou-schedule',
    user: 'vendor@demo.local',
    path: `/vendor/contracts/${XZ}/schedule`,
    screenshot: true,
  },
  { name: 'vendor-xuzhou-close', user: 'vendor@demo.local', path: `/vendor/contracts/${XZ}/close`, screenshot: true },
  { name: 'vendor-huaian-dashboard', user: 'vendor@demo.local', path: `/vendor/contracts/${HA}` },
  { name: 'vendor-huaian-schedule', user: 'vendor@demo.local', path: `/vendor/contracts/${HA}/schedule` },
  // Finance of Xuzhou and Huai'an.
  { name: 'finance-schedules', user: 'xuzhou.finance@demo.local', path: '/finance/schedules', screenshot: true },
  { name: 'finance-contracts', user: 'xuzhou.finance@demo.local', path: '/finance/contracts', screenshot: true },
  {
    name: 'finance-xuzhou-dashboard',
    user: 'xuzhou.finance@demo.local',
    path: `/finance/contracts/${XZ}`,
    screenshot: true,
  },
  {
    name: 'finance-xuzhou-close',
    user: 'xuzhou.finance@demo.local',
    path: `/finance/contracts/${XZ}/close`,
    screenshot: true,
  },
  { name: 'finance-huaian-schedules', user: 'huaian.finance@demo.local', path: '/finance/schedules' },
  { name: 'finance-huaian-dashboard', user: 'huaian.finance@demo.local', path: `/finance/contracts/${HA}` },
  // The platform administrator.
  { name: 'platform-tenants', user: 'admin@demo.local', path: '/platform/tenants', screenshot: true },
  { name: 'platform-calendar', user: 'admin@demo.local', path: '/platform/calendar', screenshot: true },
];

/** Latin words a Chinese screen may show: the allowlist (SLA, L1–L4, ID, file types) and units. */
const ALLOWED_LATIN = new Set([
  'SLA',
  'L1',
  'L2',
  'L3',
  'L4',
  'ID',
  'CSV',
  'XLSX',
  'PDF',
  'min',
  'h',
  'd',
  'kB',
  'KB',
  'MB',
  'GB',
  'km',
  'x',
  '×',
  'v',
  'ok',
  'OK',
]);
/** Fields whose strings people typed (contract content): allowed in either language. */
const CONTENT_KEYS = new Set([
  'name',
  'title',
  'label',
  'description',
  'changeNote',
  'note',
  'notes',
  'comment',
  'contractName',
  'contractCode',
  'tenantName',
  'vendorName',
  'bidderName',
  'displayName',
  'createdByName',
  'requestedByName',
  'authorName',
  'personName',
  'personId',
  'number',
  'roleName',
  'evidence',
  'participants',
  'reason',
  'email',
  'presetTitle',
  'packageName',
  'projectName',
  'evaluator',
  'confirmReason',
  // On-demand calls (domain rule 14): the buyer's subject, the vendor's evidence of the service.
  'subject',
  'serviceEvidence',
  // A severity as the contract's configuration names it (一般故障, 一级（普通问题）).
  'severityName',
]);

/** Collects the content strings out of a GraphQL answer: values under CONTENT_KEYS, and `code` beside a `name` (contract, project codes). */
function collectContent(value: unknown, out: Set<string>, parentKey = ''): void {
  if (Array.isArray(value)) {
    for (const v of value) collectContent(v, out, parentKey);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const o = value as Record<string, unknown>;
  for (const [k, v] of Object.entries(o)) {
    // The contract configuration is what the buyer typed: its Chinese strings are content (its Latin ones are ids and kinds).
    if (k === 'configuration') collectTyped(v, out);
    // The national calendar's holiday names are engine data, not contract content.
    if (
      typeof v === 'string' &&
      v.trim() &&
      parentKey !== 'days' &&
      (CONTENT_KEYS.has(k) || (k === 'code' && typeof o.name === 'string'))
    )
      out.add(v.trim());
    else if (typeof v === 'string' && /^\s*[{[]/.test(v)) {
      try {
        collectContent(JSON.parse(v), out, k);
      } catch {
        // not JSON after all
      }
    } else collectContent(v, out, k);
  }
}

/** Every string with a Chinese character in a typed document (the contract configuration). */
function collectTyped(value: unknown, out: Set<string>): void {
  if (typeof value === 'string') {
    if (HAN.test(value)) out.add(value.trim());
  } else if (Array.isArray(value)) for (const v of value) collectTyped(v, out);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) collectTyped(v, out);
}

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Every instant an answer carries (ISO with time and zone): the page must show them in Beijing time, not UTC. */
function collectInstants(value: unknown, out: Set<string>): void {
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value)) out.add(value);
  } else if (Array.isArray(value)) for (const v of value) collectInstants(v, out);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) collectInstants(v, out);
}

const minuteIn = (iso: string, timeZone: string): string => {
  const p: Record<string, string> = {};
  for (const x of new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso)))
    p[x.type] = x.value;
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
};

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const clip = (s: string, at: number, len: number) =>
  s
    .slice(Math.max(0, at - 30), Math.min(s.length, at + len + 30))
    .replace(/\s+/g, ' ')
    .trim();

/** What a reader of `locale` must not see in `text` (visible text, contract content already removed). */
export function offendersIn(text: string, locale: Locale, instants: readonly string[]): string[] {
  const out: string[] = [];
  const each = (re: RegExp, what: string, keep: (m: RegExpExecArray) => boolean = () => true) => {
    for (const m of text.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`))) {
      if (keep(m as RegExpExecArray)) out.push(`${what} 「${m[0]}」 in 「${clip(text, m.index ?? 0, m[0].length)}」`);
    }
  };
  each(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i, 'UUID');
  each(
    /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}|\b\d{2}:\d{2}:\d{2}(\.\d+)?Z\b|\d{2}:\d{2}(:\d{2})?[+-]\d{2}:\d{2}\b/,
    'ISO/UTC timestamp',
  );
  each(/[{[]\s*"[^"\n]{1,60}"\s*:|\[object Object\]/, 'JSON');
  each(/(?<![\d.])\d+\.\d{3,}(?![\d.])/, 'more than two decimals');
  each(/\b(undefined|NaN|null|Infinity)\b/, 'machine value');
  // A minute that is the Beijing time of some instant the answers carry is read as that instant: the session's expiry
  // (login + 8 h) is, in UTC, exactly the Beijing time of "now", which the dashboard rightly shows.
  const beijing = new Set(instants.map((iso) => minuteIn(iso, 'Asia/Shanghai')));
  for (const iso of instants) {
    const utc = minuteIn(iso, 'UTC');
    if (utc !== minuteIn(iso, 'Asia/Shanghai') && !beijing.has(utc) && text.includes(utc))
      out.push(`time in UTC (${iso} is ${minuteIn(iso, 'Asia/Shanghai')} in Beijing): 「${utc}」`);
  }
  if (locale === 'zh-CN') {
    // A Latin word (or key-like token: staffScores, year-score, a.b, SNAKE_CASE) outside the allowlist.
    each(/[A-Za-z][A-Za-z0-9_.@+-]*[A-Za-z0-9]|\b[A-Za-z]\b/, 'English or raw key', (m) => {
      const w = m[0];
      if (ALLOWED_LATIN.has(w) || /^v\d+$/.test(w) || /^L[1-4]$/.test(w) || /^[A-Z]$/.test(w)) return false;
      return true;
    });
  } else {
    each(/[\u3400-\u9fff\uf900-\ufaff]+/, 'Chinese text');
  }
  return [...new Set(out)];
}

/** Visible text of the page with every <details> opened (bids, finished tickets), so folded content is read too. */
async function visibleText(page: Page): Promise<string> {
  await page.evaluate(`document.querySelectorAll('details').forEach((d) => { d.open = true; })`);
  // Text marked as another language (the language switch's 中文 / English) and literals to type (translate="no":
  // the demo password) are meant as they are; they are left out of the reading.
  return page.evaluate(`(() => {
    const root = document.body.cloneNode(true);
    const lang = document.documentElement.lang;
    for (const el of root.querySelectorAll('[lang], [translate="no"]')) {
      if (el.getAttribute('translate') === 'no' || el.getAttribute('lang') !== lang) el.textContent = ' ';
    }
    const host = document.createElement('div');
    host.style.position = 'absolute';
    host.style.left = '-99999px';
    host.appendChild(root);
    document.documentElement.appendChild(host);
    const text = root.innerText;
    host.remove();
    return text;
  })()`);
}

type RoleSession = {
  session: BrowserSession;
  content: Set<string>;
  instants: Set<string>;
  seenProblems: number;
  /** Requests of the page not yet answered, and GraphQL answers not yet read into `content` / `instants`. */
  inFlight: Set<Request>;
  reading: Set<Promise<void>>;
};

describe('page walk: local, readable presentation on every page of every role', () => {
  let stack: WebStack;
  let browser: Browser;
  const ctx: Ctx = { ids: new Map() };
  const ticketNumbers = new Set<string>();

  beforeAll(async () => {
    // What `npm start` shows: the base demo and the showcase (a confirmed close, a procurement with bids).
    [stack, browser] = await Promise.all([startWebStack('web-walk', undefined, 'full'), launchBrowser()]);
    for (const user of ['vendor@demo.local', 'tianjin.admin@demo.local']) {
      const { contracts } = await stack.gql<{ contracts: { id: string; code: string }[] }>(
        user,
        '{ contracts { id code } }',
      );
      for (const c of contracts) ctx.ids.set(c.code, c.id);
    }
    // Ticket numbers (联系单编号) are what the buyer typed: content wherever a page quotes them (a close's delay lists them).
    for (const id of new Set(ctx.ids.values())) {
      const { tickets } = await stack.gql<{ tickets: { number: string }[] }>(
        'vendor@demo.local',
        'query ($c: ID!) { tickets(contractId: $c) { number } }',
        { c: id },
      );
      for (const t of tickets) ticketNumbers.add(t.number);
    }
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  }, 60_000);

  describe.each<Locale>(['zh-CN', 'en'])('in %s', (locale) => {
    const sessions = new Map<string, RoleSession>();

    afterAll(async () => {
      for (const s of sessions.values()) await s.session.context.close().catch(() => undefined);
    });

    const sessionFor = async (user: string): Promise<RoleSession> => {
      const known = sessions.get(user);
      if (known) return known;
      const session = await openSession(browser, stack, __filename, { locale });
      await session.context.addInitScript(`window.localStorage.setItem('ledger.locale', ${JSON.stringify(locale)})`);
      const rs: RoleSession = {
        session,
        content: new Set(ticketNumbers),
        instants: new Set(),
        seenProblems: 0,
        inFlight: new Set(),
        reading: new Set(),
      };
      const { page } = session;
      page.on('request', (r: Request) => rs.inFlight.add(r));
      page.on('requestfinished', (r: Request) => rs.inFlight.delete(r));
      page.on('requestfailed', (r: Request) => rs.inFlight.delete(r));
      page.on('response', (r: Response) => {
        if (!r.url().endsWith('/graphql')) return;
        const read: Promise<void> = r
          .json()
          .then((body: unknown) => {
            collectContent(body, rs.content);
            collectInstants(body, rs.instants);
          })
          .catch(() => undefined)
          .finally(() => rs.reading.delete(read));
        rs.reading.add(read);
      });
      if (user) await signIn(session.page, user);
      sessions.set(user, rs);
      return rs;
    };

    it.each(CASES.map((c) => [c.name, c] as const))(
      '%s',
      async (_name, c) => {
        const rs = await sessionFor(c.user);
        const { page } = rs.session;
        const path = c.path.replace(/\{([^}]+)\}/g, (_m, code: string) => {
          const id = ctx.ids.get(code);
          if (!id) throw new Error(`no demo contract with code ${code}`);
          return id;
        });
        await page.goto(path);
        await settle(rs);
        if (c.open) {
          const target = page.locator(c.open).first();
          if ((await target.count()) === 0)
            throw new Error(`${c.name}: nothing to open on ${c.path} (${c.open}): the demo data has no such item`);
          await target.click();
          await settle(rs);
        }
        // Every answer the page received is read (content, instants) before the text is judged.
        await Promise.all([...rs.reading]);
        let text = await visibleText(page);
        // Contract content (longest first, so a name containing another is removed whole).
        for (const s of [...rs.content].filter((x) => x.length >= 2 || HAN.test(x)).sort((a, b) => b.length - a.length))
          text = text.replace(new RegExp(escapeRegExp(s), 'g'), ' ');
        const found = offendersIn(text, locale, [...rs.instants]);
        if (await page.locator('.error-state').count())
          found.unshift(
            `error state: 「${((await page.locator('.error-state').first().innerText()) ?? '').replace(/\s+/g, ' ').slice(0, 200)}」`,
          );
        const problems = rs.session.problems.slice(rs.seenProblems);
        rs.seenProblems = rs.session.problems.length;
        if (c.screenshot) await rs.session.screenshot(`${locale}-${c.name}`);
        const all = [...found, ...problems.map((p) => `browser: ${p}`), ...rs.session.problems.slice(rs.seenProblems)];
        rs.seenProblems = rs.session.problems.length;
        if (all.length)
          throw new Error(
            `${locale} ${c.name} (${page.url().replace(stack.url, '')}): ${all.length} offender(s)\n  - ${all.join('\n  - ')}`,
          );
      },
      60_000,
    );
  });
});

/**
 * Waits until the page is quiet for QUIET_MS: none of its requests unanswered (the route's chunks, its GraphQL
 * queries, a query chained on another's answer) and no loading indicator. Playwright's `networkidle` waits for 500 ms
 * of silence twice per page; tracking the page's own requests settles in a fraction of that (the walk ran 270 s).
 */
async function settle({ session: { page }, inFlight }: RoleSession): Promise<void> {
  await page.waitForLoadState('load');
  let quietSince = 0;
  for (const end = Date.now() + 20_000; Date.now() < end; await page.waitForTimeout(20)) {
    if (inFlight.size > 0 || (await page.locator('.loading').count()) > 0) quietSince = 0;
    else if (quietSince === 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= QUIET_MS) return;
  }
  throw new Error(
    `the page did not settle in 20 s: ${[...inFlight].map((r) => r.url()).join(', ') || 'still loading'}`,
  );
}

const QUIET_MS = 200;

describe('page walk covers the console', () => {
  it('walks every page of the navigation and every contract tab of each area', () => {
    const dir = join(process.cwd(), 'apps', 'web', 'src', 'roles');
    const paths = readdirSync(dir)
      .filter((f) => f.endsWith('-routes.tsx'))
      .map((f) => join(dir, f))
      .flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/path: '([^']+)'/g)].map((m) => m[1]));
    expect(paths.length).toBeGreaterThan(10);
    const walked = CASES.map((c) =>
      c.path.replace(/\{[^}]+\}/g, ':id').replace(/\/reports\/20\d\d-\d\d$/, '/reports/:month'),
    );
    // The month's report is reached by a click on the months list.
    const opened = CASES.filter((c) => c.open?.includes('/reports/20')).map(
      (c) => `${c.path.replace(/\{[^}]+\}/g, ':id')}/:month`,
    );
    expect(paths.filter((p) => !walked.includes(p) && !opened.includes(p))).toEqual([]);
  });
});
