/**
 * Every dashboard view of the two example cases (Ukraine, the Millbrook tutorial), at a desktop
 * (1440x900) and a phone (390x844) viewport: axe-core finds no serious or critical violation, and at
 * 390 px nothing scrolls sideways. A screenshot of every view at both sizes goes to
 * test-artifacts/screenshots/. Without chromium the suite is skipped with a message, except under
 * CI=true, where it fails.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../src/case/schema.ts';
import { projectRoot } from '../helpers/reference.ts';
import { axeViolations } from './axe-check.ts';
import { chromiumPath, haveChromium, launchChromium, startWorkbench, UKRAINE_CASE, type Workbench } from './harness.ts';

const shots = join(projectRoot, 'test-artifacts', 'screenshots');
const inCI = process.env.CI === 'true';
const suite = haveChromium() || inCI ? describe : describe.skip;
const title = haveChromium() || inCI ? 'accessibility and phone layout in chromium' : `accessibility (skipped: no chromium at ${chromiumPath()})`;

const TUTORIAL_CASE = 'millbrook-budget-2026';
const SIZES = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;
/** The case views, by the hash after `#/case/<id>` (one issue page per case: the first issue). */
const VIEWS = ['', '/trajectories', '/drafts', '/packages', '/evidence', '/events', '/ingest', '/scenarios', '/outlook', '/research', '/record', '/build', '/history'];

suite(title, () => {
  let bench: Workbench;
  let browser: Browser;
  const counts: string[] = [];

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    browser = await launchChromium();
    bench = await startWorkbench();
  }, 180_000);
  afterAll(async () => {
    if (counts.length) console.log(`axe serious/critical per view:\n${counts.join('\n')}`);
    await browser?.close();
    await bench?.close();
  }, 60_000);

  /** Open a view, wait for it to settle (no "Loading" left), and check it. */
  async function check(page: Page, size: (typeof SIZES)[number], caseId: string, view: string, label: string) {
    await page.goto(`${bench.url}/#${view === 'cases' ? '/' : `/case/${caseId}${view}`}`);
    await page.waitForSelector('main h1, main h2', { timeout: 30_000 });
    await page.waitForFunction(() => !document.querySelector('main [aria-busy="true"]') && !/Loading/.test(document.querySelector('main')?.textContent ?? ''), undefined, { timeout: 60_000 }).catch(() => undefined);
    await page.waitForTimeout(300);
    const v = await axeViolations(page);
    const n = Object.values(v).reduce((s, nodes) => s + nodes.length, 0);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    counts.push(`${size.name.padEnd(7)} ${label.padEnd(36)} ${n} serious/critical${n ? ' ' + JSON.stringify(Object.fromEntries(Object.entries(v).map(([k, nodes]) => [k, nodes.length]))) : ''}; scrollWidth ${width}`);
    await page.screenshot({ path: join(shots, `${label.replace(/[^a-z0-9]+/gi, '-')}-${size.name}.png`), fullPage: false, timeout: 60_000 });
    // Views with a chart: a second shot with the first chart at the top of the screen.
    const chart = page.locator('main figure.chart').first();
    if (await chart.count()) {
      await chart.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: join(shots, `${label.replace(/[^a-z0-9]+/gi, '-')}-${size.name}-chart.png`), fullPage: false, timeout: 60_000 });
      await page.evaluate(() => window.scrollTo(0, 0));
    }
    expect(v, `${label} at ${size.width}px`).toEqual({});
    if (size.width === 390) {
      // Name what sticks out, so a failure says where to look.
      const wide = width > 390 ? await page.evaluate(() => [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > 391 && ![...e.children].some((k) => k.getBoundingClientRect().right > 391)).slice(0, 6).map((e) => `${e.tagName.toLowerCase()}.${e.className}: ${Math.round(e.getBoundingClientRect().right)}px`)) : [];
      expect(width, `${label}: page width at 390px (${wide.join('; ')})`).toBeLessThanOrEqual(390);
    }
  }

  for (const size of SIZES) {
    describe(`${size.width}x${size.height}`, () => {
      let context: BrowserContext;
      let page: Page;
      beforeAll(async () => {
        context = await browser.newContext({ viewport: { width: size.width, height: size.height }, bypassCSP: true });
        page = await context.newPage();
        page.setDefaultTimeout(30_000);
      });
      afterAll(async () => context?.close());

      it('the cases list', async () => check(page, size, '', 'cases', 'cases'), 120_000);
      it('the events view lists every event of the Ukraine case and puts events, drafts and evidence on one axis', async () => {
        const res = await fetch(`${bench.url}/api/cases/${UKRAINE_CASE}`);
        const body = (await res.json()) as { case?: Case } & Partial<Case>;
        const c = (body.case ?? body) as Case;
        await page.goto(`${bench.url}/#/case/${UKRAINE_CASE}/events`);
        await page.getByTestId('events-table').locator('tbody tr').first().waitFor();
        await expect(page.getByTestId('events-table').locator('tbody tr').count()).resolves.toBe(c.events.length);
        expect(c.events.length).toBe(24);
        // One mark per event, draft and evidence item.
        await page.getByTestId('case-timeline').locator('g.case-timeline-dot path').first().waitFor({ state: 'attached' });
        await expect(page.getByTestId('case-timeline').locator('g.case-timeline-dot path').count()).resolves.toBe(c.events.length + c.drafts.length + c.evidence.length);
      }, 120_000);
      for (const [caseId, short, issue] of [
        [UKRAINE_CASE, 'ukraine', 'donbas'],
        [TUTORIAL_CASE, 'tutorial', 'property-tax'],
      ] as const) {
        for (const view of VIEWS) {
          it(`${short} ${view || 'overview'}`, async () => check(page, size, caseId, view, `${short}-${view.slice(1) || 'overview'}`), 180_000);
        }
        it(`${short} issue page`, async () => check(page, size, caseId, `/issue/${issue}`, `${short}-issue`), 180_000);
      }
    });
  }
});
