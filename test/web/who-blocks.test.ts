/**
 * The "Who blocks it" table of the Packages view in a real browser (Debian's chromium via
 * playwright-core): one row per draft and package, named (not ids), matching GET /power. Ukraine:
 * every draft blocked (the 28-point plan by Ukraine or the EU alone, through sanctions); tutorial: the
 * mayor's draft blocked by the Ratepayers, no package blocked. axe finds no serious violation, and at
 * 390 px nothing scrolls sideways. Skipped without chromium, except under CI=true.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../src/case/schema.ts';
import type { DealPower } from '../../web/src/api.ts';
import { axeViolations } from './axe-check.ts';
import { chromiumPath, haveChromium, launchChromium, startWorkbench, UKRAINE_CASE, type Workbench } from './harness.ts';

const inCI = process.env.CI === 'true';
const suite = haveChromium() || inCI ? describe : describe.skip;
const title = haveChromium() || inCI ? 'who blocks it, in chromium' : `who blocks it, in chromium (skipped: no chromium at ${chromiumPath()})`;

suite(title, () => {
  let bench: Workbench;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const get = async <T,>(path: string): Promise<T> => {
    const res = await fetch(`${bench.url}${path}`);
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  };
  const rows = () =>
    page.locator('[data-testid=who-blocks] tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));

  beforeAll(async () => {
    browser = await launchChromium();
    bench = await startWorkbench();
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, bypassCSP: true });
    page = await context.newPage();
    page.setDefaultTimeout(90_000);
    page.on('pageerror', (e) => pageErrors.push(e.message));
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await bench?.close();
  }, 60_000);

  it('Ukraine: a row per draft, blocked, with the coalitions named as the API gives them', async () => {
    const c = await get<Case>(`/api/cases/${UKRAINE_CASE}`);
    const power = await get<DealPower>(`/api/cases/${UKRAINE_CASE}/power`);
    const name = (id: string) => c.actors.find((a) => a.id === id)!.name;
    await page.goto(`${bench.url}/#/case/${UKRAINE_CASE}/packages`);
    await page.getByTestId('who-blocks').waitFor();
    await expect.poll(async () => (await rows()).length).toBe(c.drafts.length);
    const shown = await rows();
    expect(shown.map((r) => r[0])).toEqual(c.drafts.map((d) => d.title));
    expect(shown.map((r) => r[2])).toEqual(['yes', 'yes', 'yes', 'yes']);
    expect(shown.map((r) => r[3])).toEqual(power.drafts.map((d) => d.coalitions.map((k) => k.map(name).join(' + ')).join('; ')));
    expect(shown[0][3]).toBe('Ukraine; European Union');
    expect(shown[0][1]).toContain('US Congress (critics of the plan) (worse off than the status quo)');
    expect(shown.flat().join(' ')).not.toMatch(/\b(ukraine|russia|usa|eu)\b/);
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForTimeout(400);
      expect(await axeViolations(page, '[data-testid=who-blocks]'), `at ${width}px`).toEqual({});
      if (width === 390) expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    }
    await page.setViewportSize({ width: 1366, height: 900 });
  }, 240_000);

  it('tutorial: the mayor’s draft blocked by the Ratepayers, the three packages not blocked', async () => {
    await page.goto(`${bench.url}/#/case/millbrook-budget-2026/packages`);
    await page.getByTestId('who-blocks').waitFor();
    await expect.poll(async () => (await rows()).length).toBe(4);
    expect((await rows()).map((r) => [r[0], r[2], r[3]])).toEqual([
      ["The mayor's draft budget", 'yes', "Ratepayers' Association"],
      ['Package: max-min gain', 'no', '—'],
      ['Package: Nash product', 'no', '—'],
      ['Package: Kalai-Smorodinsky', 'no', '—'],
    ]);
    expect((await rows())[0][1]).toBe("Ratepayers' Association (red line on Property tax change, worse off than the status quo)");
    expect(pageErrors).toEqual([]);
  }, 240_000);
});
