/**
 * The dashboard's parameter panel in chromium: built from GET /api/models, one labelled input per
 * parameter; changing bdm's q re-runs the forecast with `params: { bdm: { q } }`, and the bdm
 * forecast shown becomes what the API returns for that parameter; a value out of range shows the
 * server's 400 (naming `params.bdm.q`) beside the panel. Skipped without chromium, except under CI=true.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../src/case/schema.ts';
import type { ForecastResponse, ModelList } from '../../web/src/api.ts';
import { DASHBOARD_SEED } from '../../web/src/case-data.tsx';
import { num, outcomeOn } from '../../web/src/numbers.ts';
import { chromiumPath, haveChromium, launchChromium, startWorkbench, UKRAINE_CASE, type Workbench } from './harness.ts';

const inCI = process.env.CI === 'true';
const BROWSER_TEST_MS = 120_000;
const suite = haveChromium() || inCI ? describe : describe.skip;
const title = haveChromium() || inCI ? 'parameter panel in chromium' : `parameter panel in chromium (skipped: no chromium at ${chromiumPath()})`;

suite(title, () => {
  let bench: Workbench;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const post = async <T>(path: string, body: unknown): Promise<{ status: number; json: T }> => {
    const res = await fetch(bench.url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, json: (await res.json()) as T };
  };

  beforeAll(async () => {
    browser = await launchChromium();
    bench = await startWorkbench();
    page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    page.setDefaultTimeout(30_000);
    page.on('pageerror', (e) => pageErrors.push(e.message));
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await bench?.close();
  }, BROWSER_TEST_MS);

  it('lists every parameter of the tables with a label, and a changed bdm q re-runs the forecast with it', async () => {
    const issue = 'donbas';
    const models: ModelList = await (await fetch(`${bench.url}/api/models`)).json();
    const bdmTable = models.models.find((m) => m.model === 'bdm')!.params;
    expect(bdmTable.find((p) => p.name === 'q')?.default).toBe(1);

    const c: Case = await (await fetch(`${bench.url}/api/cases/${UKRAINE_CASE}`)).json();
    const k = c.issues.findIndex((i) => i.id === issue);
    expect(k).toBeGreaterThanOrEqual(0);
    // What the API answers, with the dashboard's seed, by default and with q = 0.5.
    const expected = async (params?: unknown) => {
      const r = await post<ForecastResponse>(`/api/cases/${UKRAINE_CASE}/forecast`, { seed: DASHBOARD_SEED, ...(params ? { params } : {}) });
      expect(r.status).toBe(200);
      const bdm = r.json.results.find((f) => f.model === 'bdm')!;
      return num(outcomeOn(bdm, k));
    };
    const byDefault = await expected();
    const withHalf = await expected({ bdm: { q: 0.5 } });
    // Not vacuous: the parameter moves the bdm forecast on this issue.
    expect(withHalf).not.toBe(byDefault);

    await page.goto(`${bench.url}/#/case/${UKRAINE_CASE}/issue/${issue}`);
    const cell = page.locator('[data-testid=forecasts] .forecast-value[data-model=bdm]');
    await expect.poll(() => cell.textContent(), { timeout: 60_000 }).toBe(byDefault);

    const panel = page.getByTestId('param-panel');
    await panel.locator('summary').click();
    const bdm = panel.locator('fieldset[data-model=bdm]');
    // One labelled input per parameter of the table, the default as placeholder.
    for (const p of bdmTable) await expect(bdm.getByLabel(p.name).count()).resolves.toBe(1);
    const q = bdm.getByLabel('q');
    await expect(q.getAttribute('placeholder')).resolves.toBe('1');
    await expect(q.getAttribute('min')).resolves.toBe('0');
    await expect(q.getAttribute('max')).resolves.toBe('1');
    await expect(bdm.getByRole('combobox', { name: 'variant' }).count()).resolves.toBe(1);
    // The seed's placeholder is the dashboard's seed, which the forecasts send to every model that has one.
    await expect(panel.locator('fieldset[data-model=exchange]').getByLabel('seed').getAttribute('placeholder')).resolves.toBe(String(DASHBOARD_SEED));

    // Only the changed value goes to the server, per model.
    const sent = page.waitForRequest((r) => r.url().endsWith(`/api/cases/${UKRAINE_CASE}/forecast`) && r.method() === 'POST');
    await q.fill('0.5');
    expect(JSON.parse((await sent).postData() ?? '{}').params).toEqual({ bdm: { q: 0.5 } });
    await expect.poll(() => cell.textContent(), { timeout: 60_000 }).toBe(withHalf);

    // Out of range: the server's 400 beside the panel, the input marked; the last forecast stays.
    await q.fill('5');
    const alert = panel.getByRole('alert');
    await expect.poll(() => alert.textContent(), { timeout: 60_000 }).toContain('params.bdm.q');
    await expect(q.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(cell.textContent()).resolves.toBe(withHalf);

    // Cleared: the default again.
    await q.fill('');
    await expect.poll(() => cell.textContent(), { timeout: 60_000 }).toBe(byDefault);
    await expect(panel.getByRole('alert').count()).resolves.toBe(0);
    expect(pageErrors).toEqual([]);
  }, BROWSER_TEST_MS);
});
