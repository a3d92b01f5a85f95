/**
 * Two users editing the same stance in two browser contexts: the second save, made on the revision
 * both read, is refused (If-Match is stale: 412) and shows both versions field by field instead of
 * overwriting the first; "keep mine" then saves on top, and the history names both authors.
 * Users are created with the store API of the contract (`store.users.add`); the dashboard signs in
 * through its login form (POST /api/session) and sends X-CSRF-Token and If-Match on every write.
 * Screenshots of the login and conflict views at 1440x900 and 390x844 go to test-artifacts/web/.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../src/case/schema.ts';
import { startServer, type RunningServer } from '../../src/server/index.ts';
import { projectRoot } from '../helpers/reference.ts';
import { axeViolations } from './axe-check.ts';
import { buildDashboardInto, chromiumPath, haveChromium, launchChromium } from './harness.ts';

const artifacts = join(projectRoot, 'test-artifacts', 'web');
const inCI = process.env.CI === 'true';
const TEST_MS = 240_000;
const suite = haveChromium() || inCI ? describe : describe.skip;
const title = haveChromium() || inCI ? 'workbench: two users, one stance' : `workbench conflicts (skipped: no chromium at ${chromiumPath()})`;
const CASE_ID = 'millbrook-budget-2026';
const STANCE = 'greens/property-tax (2025-12-02)';
const PASSWORD = 'correct horse battery';

suite(title, () => {
  let server: RunningServer;
  let browser: Browser;
  const tmp = mkdtempSync(join(tmpdir(), 'parley-conflict-'));
  const pageErrors: string[] = [];
  let ana: BrowserContext;
  let ben: BrowserContext;

  const login = async (ctx: BrowserContext, name: string): Promise<Page> => {
    const page = await ctx.newPage();
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (e) => pageErrors.push(`${name}: ${e.message}`));
    await page.goto(`${server.url}/#/case/${CASE_ID}/build`);
    const form = page.getByTestId('login');
    await form.waitFor();
    await form.getByLabel('User name').fill(name);
    await form.getByLabel('Password').fill(PASSWORD);
    await form.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('session-user').textContent()).resolves.toBe(name);
    await page.getByTestId('build-stances').waitFor();
    return page;
  };

  const openStance = async (page: Page) => {
    const sec = page.getByTestId('build-stances');
    await sec.getByRole('button', { name: `Edit stance ${STANCE}` }).click();
    return sec.getByTestId('edit-stances');
  };

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    browser = await launchChromium();
    const webRoot = join(tmp, 'dist');
    await buildDashboardInto(webRoot);
    server = await startServer({ port: 0, host: '127.0.0.1', db: join(tmp, 'parley.db'), webRoot, importExamples: true });
    await server.store.users.add({ name: 'ana', role: 'analyst', password: PASSWORD });
    await server.store.users.add({ name: 'ben', role: 'analyst', password: PASSWORD });
    // bypassCSP: for axe-core (test/web/axe-check.ts).
    ana = await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
    ben = await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(tmp, { recursive: true, force: true });
  }, TEST_MS);

  it('the second save shows the conflict instead of losing the first; keep mine saves on top; the history names both', async () => {
    // Accounts exist: the dashboard asks for a login first.
    const loginPage = await ana.newPage();
    await loginPage.goto(`${server.url}/`);
    await loginPage.getByTestId('login').waitFor();
    await loginPage.screenshot({ path: join(artifacts, 'workbench-login-1440.png') });
    await expect(axeViolations(loginPage)).resolves.toEqual({});
    await loginPage.setViewportSize({ width: 390, height: 844 });
    await loginPage.screenshot({ path: join(artifacts, 'workbench-login-390.png') });
    await expect(axeViolations(loginPage)).resolves.toEqual({});
    await loginPage.close();

    const a = await login(ana, 'ana');
    const b = await login(ben, 'ben');
    // Both open the same stance, as stored at the same revision.
    const formA = await openStance(a);
    const formB = await openStance(b);
    await expect(formA.getByLabel(/^Position( \*)?$/).inputValue()).resolves.toBe('4');

    // Ana saves first.
    await formA.getByLabel(/^Position( \*)?$/).fill('4.5');
    await formA.getByRole('button', { name: 'Save stance' }).click();
    await a.getByTestId('build-stances').getByText(/Millbrook Greens on Property tax change \(2025-12-02\): position 4\.5 \(3\.5–5\)/).waitFor();

    // Ben, still on the revision he read, saves another value: refused, both versions shown.
    await formB.getByLabel(/^Position( \*)?$/).fill('3.8');
    await formB.getByLabel(/^Salience( \*)?$/).fill('55');
    await formB.getByRole('button', { name: 'Save stance' }).click();
    const conflict = formB.getByTestId('conflict');
    await conflict.waitFor();
    await expect(conflict.getByTestId('mine-position.value').textContent()).resolves.toBe('3.8');
    await expect(conflict.getByTestId('theirs-position.value').textContent()).resolves.toBe('4.5');
    await expect(conflict.getByTestId('mine-salience.value').textContent()).resolves.toBe('55');
    await expect(conflict.getByTestId('theirs-salience.value').textContent()).resolves.toBe('50');
    // Nothing of Ben's was written: the stored stance is Ana's.
    const stored = async () => {
      const res = await fetch(`${server.url}/api/cases/${CASE_ID}`, { headers: { cookie: (await ana.cookies()).map((c) => `${c.name}=${c.value}`).join('; ') } });
      expect(res.status).toBe(200);
      return ((await res.json()) as Case).stances.find((s) => s.actor === 'greens' && s.issue === 'property-tax' && s.date === '2025-12-02')!;
    };
    expect((await stored()).position).toEqual({ value: 4.5, low: 3.5, high: 5 });
    await b.screenshot({ path: join(artifacts, 'workbench-conflict-1440.png') });
    await expect(axeViolations(b, '[data-testid=build]')).resolves.toEqual({});
    await b.setViewportSize({ width: 390, height: 844 });
    await conflict.screenshot({ path: join(artifacts, 'workbench-conflict-390.png') });
    await b.setViewportSize({ width: 1440, height: 900 });

    // Ben keeps his: saved on top of Ana's revision.
    await conflict.getByRole('button', { name: /^Keep mine/ }).click();
    await b.getByTestId('build-stances').getByText(/Millbrook Greens on Property tax change \(2025-12-02\): position 3\.8 \(3\.5–5\), salience 55 \(40–60\)/).waitFor();
    expect((await stored()).position).toEqual({ value: 3.8, low: 3.5, high: 5 });

    // The history names both authors, newest first.
    await b.goto(`${server.url}/#/case/${CASE_ID}/history`);
    const authors = b.getByTestId('history-table').getByTestId('author');
    await authors.first().waitFor();
    await expect(authors.nth(0).textContent()).resolves.toBe('ben');
    await expect(authors.nth(1).textContent()).resolves.toBe('ana');
    expect(pageErrors).toEqual([]);
  }, TEST_MS);
});
