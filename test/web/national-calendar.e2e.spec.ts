import type { Page } from 'playwright-core';
import { webSuite } from './web-harness';

type YearState = {
  year: number;
  status: string;
  revision: number | null;
  notice: { title: string; number: string; date: string } | null;
  publishedAt: string | null;
};
type Calendar = { version: string; years: YearState[]; publications: YearState[] };
const CALENDAR =
  '{ nationalCalendar { version years { year status revision notice { title number date } publishedAt } publications { year status revision notice { title number date } publishedAt } } }';

const TITLE = '国务院办公厅关于2027年部分节假日安排的通知';
const NUMBER = '国办发明电〔2026〕9号';

/** An instant as the console shows it: Beijing time, minutes. */
const beijingMinute = (iso: string): string => {
  const p: Record<string, string> = {};
  for (const x of new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
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

/** The answer of the next publish mutation the page sends. */
const publicationAnswer = (page: Page, field: string) =>
  page
    .waitForResponse((r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes(field))
    .then(
      async (r) =>
        (
          (await r.json()) as {
            data: Record<string, { year: number; revision: number; version: string; tenantsAsked: number }> | null;
          }
        ).data?.[field],
    );

// Issue 13 point 2: the platform admin reads and publishes the national working-day calendar in the console.
describe('platform admin: national working-day calendar page', () => {
  const web = webSuite('web-calendar', __filename);
  const calendar = async () =>
    (await web.stack.gql<{ nationalCalendar: Calendar }>('admin@demo.local', CALENDAR)).nationalCalendar;

  it('sees 2027 provisional, gets a refused make-up day’s problem at its row, publishes 2027 and sees it published with its notice', async () => {
    const session = await web.session('admin@demo.local');
    const { page } = session;
    const before = await calendar();
    expect(before.years.find((y) => y.year === 2027)?.status).toBe('provisional');

    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '国家工作日历' }).click();
    await page.waitForURL('**/platform/calendar');
    await page.getByRole('heading', { level: 1, name: '国家工作日历' }).waitFor();
    await expect(page.locator('[data-field="version"]').textContent()).resolves.toBe(before.version);
    const years = page.getByTestId('calendar-years');
    await expect(
      years.locator('tbody tr').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-year')))),
    ).resolves.toEqual(before.years.map((y) => y.year));
    const row2027 = years.locator('tr[data-year="2027"]');
    await expect(row2027.locator('[data-field="status"]').innerText()).resolves.toBe(
      '暂定\n国务院尚未发布该年的通知：暂按法定节假日的法定日期计算，不含调休。',
    );
    // A provisional year keeps no make-up working days (no 调休 without a notice).
    await expect(row2027.locator('summary').textContent()).resolves.toMatch(/^放假 \d+ 天，调休上班 0 天$/);
    await session.screenshot('provisional');

    // A make-up working day on a Wednesday: refused, the Chinese problem at that row, nothing stored.
    const form = page.getByRole('form', { name: '发布一年的日历' });
    await expect(form.getByLabel('年份').inputValue()).resolves.toBe('2027');
    await form.getByLabel('通知标题').fill(TITLE);
    await form.getByLabel('文号').fill(NUMBER);
    await form.getByLabel('发文日期').fill('2026-11-20');
    const holidays = form.locator('fieldset[data-list="holidays"]');
    await holidays.locator('[data-row="0"]').getByLabel('日期').fill('2027-01-01');
    await holidays.locator('[data-row="0"]').getByLabel('节日名称').fill('元旦');
    await form.getByRole('button', { name: '添加调休上班日' }).click();
    const makeUp = form.locator('fieldset[data-list="makeUpWorkdays"] [data-row="0"]');
    await makeUp.getByLabel('日期').fill('2027-01-06');
    await makeUp.getByLabel('节日名称').fill('元旦');
    const refused = page.waitForResponse(
      (r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('publishNationalCalendar'),
    );
    await form.getByRole('button', { name: '发布', exact: true }).click();
    const answer = (await (await refused).json()) as {
      errors?: { extensions?: { code?: string; problems?: { path: string; code: string }[] } }[];
    };
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.errors?.[0]?.extensions?.problems?.map((p) => [p.path, p.code])).toEqual([
      ['input.makeUpWorkdays[0].date', 'calendar.makeUpNotWeekend'],
    ]);
    await expect(makeUp.getByRole('alert').textContent()).resolves.toBe(
      '2027-01-06 不是周六或周日：调休上班日只能是周末',
    );
    await expect(makeUp.getByLabel('日期').getAttribute('aria-invalid')).resolves.toBe('true');
    // Only there: no other field, no English, no raw path.
    await expect(form.getByRole('alert').count()).resolves.toBe(1);
    expect(await form.innerText()).not.toMatch(/makeUpWorkdays|input\.|Saturday/);
    await session.screenshot('refused');
    expect((await calendar()).years.find((y) => y.year === 2027)?.status).toBe('provisional');

    // Without the make-up day, 元旦 over three days: published.
    await form.getByRole('button', { name: '删除调休上班日第 1 行' }).click();
    for (const [i, date] of ['2027-01-02', '2027-01-03'].entries()) {
      await form.getByRole('button', { name: '添加放假日' }).click();
      await holidays
        .locator(`[data-row="${i + 1}"]`)
        .getByLabel('日期')
        .fill(date);
      await holidays
        .locator(`[data-row="${i + 1}"]`)
        .getByLabel('节日名称')
        .fill('元旦');
    }
    const published = publicationAnswer(page, 'publishNationalCalendar');
    await form.getByRole('button', { name: '发布', exact: true }).click();
    const result = await published;
    expect(result).toMatchObject({ year: 2027 });
    await expect(page.getByTestId('calendar-published').textContent()).resolves.toBe(
      `已发布 2027 年，已通知 ${result?.tenantsAsked} 个单位重算受影响的结果`,
    );

    // The page reloaded: 2027 published with its notice, the new version, the publication on top of the history.
    const after = await calendar();
    expect(after.version).toBe(result?.version);
    await expect(page.locator('[data-field="version"]').textContent()).resolves.toBe(after.version);
    const published2027 = years.locator('tr[data-year="2027"]');
    await expect(published2027.getAttribute('data-status')).resolves.toBe('published');
    await expect(published2027.locator('[data-field="status"]').innerText()).resolves.toBe(
      `已发布\n发布序号 ${result?.revision}`,
    );
    await expect(published2027.locator('[data-field="notice"]').textContent()).resolves.toBe(
      `${TITLE}（${NUMBER}，2026年11月20日）`,
    );
    await published2027.locator('summary').click();
    await expect(published2027.locator('summary').textContent()).resolves.toBe('放假 3 天，调休上班 0 天');
    await expect(published2027.locator('[data-list="holidays"] li').allInnerTexts()).resolves.toEqual([
      '2027年1月1日 星期五 元旦',
      '2027年1月2日 星期六 元旦',
      '2027年1月3日 星期日 元旦',
    ]);
    await expect(published2027.locator('[data-list="makeUpWorkdays"]').innerText()).resolves.toMatch(
      /^调休上班日\s+无$/,
    );
    const top = page.getByTestId('calendar-publications').locator('tbody tr').first();
    await expect(top.getAttribute('data-revision')).resolves.toBe(String(result?.revision));
    const stored = after.publications[0];
    expect(stored).toMatchObject({
      year: 2027,
      revision: result?.revision,
      notice: { title: TITLE, number: NUMBER, date: '2026-11-20' },
    });
    // Beijing time, never the ISO instant.
    await expect(top.locator('[data-field="published-at"]').textContent()).resolves.toBe(
      beijingMinute(stored.publishedAt ?? ''),
    );
    await expect(top.locator('[data-field="notice"]').textContent()).resolves.toBe(
      `${TITLE}（${NUMBER}，2026年11月20日）`,
    );
    await session.screenshot('published');
  });

  it('in English: a holiday-cn file’s problem listed with its location in the file, then the file published', async () => {
    const session = await web.session('admin@demo.local');
    const { page } = session;
    await page.getByLabel('语言').selectOption('en');
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'National working-day calendar' })
      .click();
    const form = page.getByRole('form', { name: 'Publish a year' });
    await form.getByRole('radio', { name: 'Upload a file' }).check();
    await expect(form.getByLabel('File format').inputValue()).resolves.toBe('holiday-cn');
    // Typed text is shown as text: markup in a notice title stays characters.
    const hostileTitle = '国务院办公厅关于2028年部分节假日安排的通知<img src=x onerror="window.__xss=1">';
    await form.getByLabel('Notice title').fill(hostileTitle);
    await form.getByLabel('Number').fill('国办发明电〔2027〕5号');
    await form.getByLabel('Date of the notice').fill('2027-11-10');
    const file = (makeUpDay: string) => ({
      name: '2028.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify({
          year: 2028,
          papers: [],
          days: [
            { name: '元旦', date: '2028-01-01', isOffDay: true },
            { name: '春节', date: makeUpDay, isOffDay: false },
          ],
        }),
      ),
    });
    // 2028-01-26 is a Wednesday: refused at the file's days[1].date.
    await form.getByLabel('File', { exact: true }).setInputFiles(file('2028-01-26'));
    await form.getByText(/^Read 2028\.json \(\d+ bytes\)$/).waitFor();
    await form.getByRole('button', { name: 'Publish', exact: true }).click();
    const problems = form.getByTestId('file-problems');
    await expect(problems.locator('li[data-location="days[1].date"]').textContent({ timeout: 10_000 })).resolves.toBe(
      'At days[1].date: 2028-01-26 is not a Saturday or Sunday: a make-up working day is a weekend day',
    );
    await expect(form.getByLabel('File', { exact: true }).getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await form.innerText()).not.toContain('不是周六');
    await session.screenshot('file-refused');

    // A Saturday instead: published from the file.
    await form.getByLabel('File', { exact: true }).setInputFiles(file('2028-01-29'));
    await form.getByText(/^Read 2028\.json/).waitFor();
    const published = publicationAnswer(page, 'publishNationalCalendarFile');
    await form.getByRole('button', { name: 'Publish', exact: true }).click();
    const result = await published;
    expect(result).toMatchObject({ year: 2028 });
    await expect(page.getByTestId('calendar-published').textContent()).resolves.toBe(
      `Published 2028; ${result?.tenantsAsked} organisations asked to recompute the affected results`,
    );
    const row = page.getByTestId('calendar-years').locator('tr[data-year="2028"]');
    await expect(row.getAttribute('data-status')).resolves.toBe('published');
    await row.locator('summary').click();
    await expect(row.locator('[data-list="makeUpWorkdays"] li').allInnerTexts()).resolves.toEqual([
      '2028-01-29 Sat 春节',
    ]);
    await expect(row.locator('[data-field="notice"]').textContent()).resolves.toBe(
      `${hostileTitle} (国办发明电〔2027〕5号, 2027-11-10)`,
    );
    await expect(page.locator('[data-field="notice"] img').count()).resolves.toBe(0);
    await expect(page.evaluate('window.__xss')).resolves.toBeUndefined();
  });
});
