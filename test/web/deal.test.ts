/**
 * The "Will there be a deal?" panel in a real browser (Debian's chromium via playwright-core) on the
 * Ukraine example: the default horizon, the agreement probability and, per issue, the terms if
 * agreed, the expected outcome and the 50 %/90 % intervals, each the number the API gives for the same
 * request; the model selector (status-quo as the baseline); a new date from the keyboard; one interval
 * chart per issue. Skipped without chromium, except under CI=true.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../src/case/schema.ts';
import type { Outlook } from '../../src/analysis/outlook-types.ts';
import { defaultHorizon } from '../../src/analysis/horizon.ts';
import { num } from '../../web/src/numbers.ts';
import { intervalText as span, pct } from '../../src/analysis/outlook-text.ts';
import { projectRoot } from '../helpers/reference.ts';
import { chromiumPath, haveChromium, launchChromium, startWorkbench, UKRAINE_CASE, type Workbench } from './harness.ts';

const inCI = process.env.CI === 'true';
const suite = haveChromium() || inCI ? describe : describe.skip;
const title = haveChromium() || inCI ? 'deal panel in chromium' : `deal panel in chromium (skipped: no chromium at ${chromiumPath()})`;
/** Four outlooks of the Ukraine case (two by the page, two by the test) on a shared 2-core machine. */
const TEST_MS = 300_000;
/** The panel's defaults (web/src/views/Deal.tsx). */
const RUNS = 1000;
const SEED = 1;


suite(title, () => {
  let bench: Workbench;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const outlook = async (body: object): Promise<Outlook> => {
    const res = await fetch(`${bench.url}/api/cases/${UKRAINE_CASE}/outlook`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(res.status).toBe(200);
    return (await res.json()) as Outlook;
  };
  /** The table's visible rows as text cells. */
  const tableRows = () => page.locator('[data-testid=deal-table] tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
  const expectRows = async (c: Case, o: Outlook, model: string) => {
    const m = o.models.find((x) => x.model === model)!;
    const zone = (issue: string) => {
      const z = o.agreementBasis as { issues: Array<{ issue: string; zoneShare: number | null }> };
      const s = z.issues.find((x) => x.issue === issue)!.zoneShare;
      return s === null ? 'decided alone' : pct(s);
    };
    await expect
      .poll(tableRows, { timeout: 30_000 })
      .toEqual(m.issues.map((i) => [c.issues.find((x) => x.id === i.issue)!.title, zone(i.issue), num(i.statusQuo), num(i.ifAgreed), num(i.expected), span(i.interval50), span(i.interval90)]));
  };

  beforeAll(async () => {
    mkdirSync(join(projectRoot, 'test-artifacts', 'web'), { recursive: true });
    browser = await launchChromium();
    bench = await startWorkbench();
    page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    page.setDefaultTimeout(120_000);
    page.on('pageerror', (e) => pageErrors.push(e.message));
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await bench?.close();
  }, 60_000);

  it('shows the probability, the terms if agreed, the expected outcome and the intervals the API gives', async () => {
    const c = (await (await fetch(`${bench.url}/api/cases/${UKRAINE_CASE}`)).json()) as Case;
    const by = defaultHorizon(c)!;
    expect(by).toBe('2026-06-26'); // six months after the case's latest date, 2025-12-26
    await page.goto(`${bench.url}/#/case/${UKRAINE_CASE}/outlook`);
    const panel = page.getByTestId('deal');
    await panel.getByRole('heading', { name: 'Will there be a deal?' }).waitFor();
    expect(await panel.getByLabel('Agreement by').inputValue()).toBe(by);
    const [api] = await Promise.all([outlook({ by, runs: RUNS, seed: SEED }), page.getByTestId('deal-probability').waitFor()]);

    // The probability, exactly the API's, shown as the CLI prints it, with its basis in words.
    const prob = page.getByTestId('deal-probability');
    await expect(prob.getAttribute('data-value').then(Number)).resolves.toBe(api.agreement.probability);
    await expect(prob.textContent()).resolves.toBe(pct(api.agreement.probability));
    expect(api.agreement.probability).toBeGreaterThan(0);
    expect(api.agreement.probability).toBeLessThan(0.05); // a war, with two issues on which no draw leaves a zone
    const basis = await page.getByTestId('deal-basis').textContent();
    expect(basis).toContain('base rate for a negotiation of kind “war”');
    expect(basis).toMatch(/Russia.*can veto 11 issues/);
    expect(basis).toMatch(/decides 2 issues alone/);
    expect(basis).toContain(`of ${RUNS} draws`);

    // Per issue, the default model's terms, expected outcome and intervals.
    expect(api.model).not.toBe('status-quo');
    expect(await page.getByLabel('Model for the terms').inputValue()).toBe(api.model);
    await expectRows(c, api, api.model);
    // One interval chart per issue, each with its 90 % and 50 % bars and the status quo.
    const charts = page.locator('[data-testid=deal-charts] > figure');
    await expect.poll(() => charts.count()).toBe(c.issues.length);
    const donbas = page.getByTestId('deal-chart-donbas');
    for (const mark of ['interval90', 'interval50', 'expected', 'if-agreed', 'status-quo']) await expect(donbas.locator(`g.${mark}`).count()).resolves.toBe(1);
    await page.screenshot({ path: join(projectRoot, 'test-artifacts', 'web', 'deal.png'), fullPage: false });
    await page.getByTestId('deal-charts').screenshot({ path: join(projectRoot, 'test-artifacts', 'web', 'deal-charts.png') });

    // The baseline: no deal, every issue at its status quo.
    await page.getByLabel('Model for the terms').selectOption('status-quo');
    await expectRows(c, api, 'status-quo');
    for (const i of api.models.find((m) => m.model === 'status-quo')!.issues) expect(i.interval90).toEqual([i.statusQuo, i.statusQuo]);
    expect(pageErrors).toEqual([]);
  }, TEST_MS);

  it('takes a new date and draws from the keyboard, and refuses a date before the clock starts', async () => {
    const c = (await (await fetch(`${bench.url}/api/cases/${UKRAINE_CASE}`)).json()) as Case;
    const date = page.getByLabel('Agreement by');
    await date.focus();
    await date.fill('2028-12-31');
    await page.getByLabel('Monte Carlo draws').selectOption('500');
    await date.press('Enter');
    const [api] = await Promise.all([outlook({ by: '2028-12-31', runs: 500, seed: SEED }), page.getByText('Probability of an agreement by 2028-12-31:').waitFor()]);
    await expect.poll(() => page.getByTestId('deal-probability').getAttribute('data-value').then(Number)).toBe(api.agreement.probability);
    await page.getByLabel('Model for the terms').selectOption(api.model);
    await expectRows(c, api, api.model);
    // Before the case's latest date: the server's 400, naming the field.
    await date.fill('2025-01-01');
    await date.press('Enter');
    await expect(page.getByTestId('deal').getByRole('alert').textContent()).resolves.toMatch(/before the case’s latest date 2025-12-26.*\(field: by\)/);
    expect(pageErrors).toEqual([]);
  }, TEST_MS);
});
