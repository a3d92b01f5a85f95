/**
 * The dashboard in a real browser (Debian's headless chromium via playwright-core) against the real
 * server on a temporary SQLite database with the example cases. Screenshots go to
 * test-artifacts/web/. Without chromium the suite is skipped with a message, except under CI=true,
 * where it fails.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../src/case/schema.ts';
import { estimate } from '../../src/case/schema.ts';
import { currentStances, pairKey } from '../../src/case/view.ts';
import { projectRoot } from '../helpers/reference.ts';
import { chromiumPath, haveChromium, launchChromium, startWorkbench, UKRAINE_CASE, type Workbench } from './harness.ts';

const artifacts = join(projectRoot, 'test-artifacts', 'web');
const fixture = (name: string) => readFileSync(join(projectRoot, 'test', 'web', 'fixtures', name), 'utf8');
const inCI = process.env.CI === 'true';
/** Generous: the machine may be shared, and each test waits on real forecasts in a real browser. */
const BROWSER_TEST_MS = 120_000;

const suite = haveChromium() || inCI ? describe : describe.skip;
const title = haveChromium() || inCI ? 'dashboard in chromium' : `dashboard in chromium (skipped: no chromium at ${chromiumPath()}; apt-get install -y chromium)`;

suite(title, () => {
  let bench: Workbench;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  const api = async <T>(path: string, init?: RequestInit): Promise<T> => {
    const res = await fetch(bench.url + path, init);
    expect(res.ok, `${path}: ${res.status}`).toBe(true);
    return (await res.json()) as T;
  };
  // Long pages (the evidence list) are shot as the first screenful: full-page shots of them are slow under software rendering.
  const shot = (name: string, fullPage = true) => page.screenshot({ path: join(artifacts, `${name}.png`), fullPage, timeout: 60_000 });

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    // Under CI a missing chromium is a failure with the fix in the message, never a skip.
    browser = await launchChromium();
    bench = await startWorkbench();
    page = await browser.newPage({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('dialog', (d) => {
      pageErrors.push(`a dialog opened: ${d.message()}`);
      void d.dismiss();
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await bench?.close();
  }, BROWSER_TEST_MS);

  it('lists the example cases and opens the Ukraine case overview', async () => {
    await page.goto(bench.url + '/');
    const link = page.getByRole('link', { name: /peace plan for Russia's war on Ukraine/ });
    await link.waitFor();
    await expect(page.getByRole('link', { name: /Millbrook/ }).count()).resolves.toBe(1);
    await shot('01-cases');
    await link.click();
    await page.getByTestId('matrix').waitFor();
    const c = await api<Case>(`/api/cases/${UKRAINE_CASE}`);
    // One matrix row per actor, one column per issue (plus the header column).
    await expect(page.locator('[data-testid=matrix] tbody tr').count()).resolves.toBe(c.actors.length);
    await expect(page.locator('[data-testid=matrix] thead th').count()).resolves.toBe(c.issues.length + 1);
    await expect(page.locator('h1').textContent()).resolves.toBe(c.title);
    await shot('02-overview');
    expect(pageErrors).toEqual([]);
  }, BROWSER_TEST_MS);

  it('is keyboard-usable: a skip link, reachable links and a visible focus ring', async () => {
    // A fresh tab: the keyboard's starting point must be the top of a newly loaded page.
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(bench.url + '/');
    await page.getByRole('link', { name: /peace plan for Russia's war on Ukraine/ }).waitFor();
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to content');
    // Tab to the Ukraine case link, open it with Enter.
    let reached = false;
    for (let i = 0; i < 30 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => /Ukraine/.test(document.activeElement?.textContent ?? '') && document.activeElement?.tagName === 'A');
    }
    expect(reached).toBe(true);
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await page.getByTestId('matrix').waitFor();
    // Focus moved to the new view, so the next Tab starts inside it.
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    await page.close();
    expect(pageErrors).toEqual([]);
  }, BROWSER_TEST_MS);

  it('draws one mark per actor, the draft points and one forecast marker per model on the issue view', async () => {
    const c = await api<Case>(`/api/cases/${UKRAINE_CASE}`);
    const { results } = await api<{ results: Array<{ model: string }> }>(`/api/cases/${UKRAINE_CASE}/forecast`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    const issue = 'donbas';
    const current = currentStances(c);
    const actorsOnIssue = c.actors.filter((a) => current.has(pairKey(a.id, issue))).length;
    const draftPoints = c.drafts.flatMap((d) => d.points.filter((p) => p.values[issue] !== undefined)).length;
    expect(actorsOnIssue).toBeGreaterThan(2);

    await page.goto(`${bench.url}/#/case/${UKRAINE_CASE}/issue/${issue}`);
    const chart = page.getByTestId('issue-chart');
    await chart.locator('g.forecast-marker path').first().waitFor();
    await expect(chart.locator('g.actor-position circle').count()).resolves.toBe(actorsOnIssue);
    await expect(chart.locator('g.forecast-marker path').count()).resolves.toBe(results.length);
    await expect(chart.locator('g.draft-point path').count()).resolves.toBe(draftPoints);
    // The forecast table lists the same models.
    await expect(page.locator('[data-testid=forecasts] tbody tr').count()).resolves.toBe(results.length);
    // When the Monte Carlo job is done, each model's marker gets its 5–95 % interval, ordered around it.
    await page.locator('[data-testid=mc-status][data-status=done]').waitFor({ timeout: 100_000 });
    await expect(chart.locator('g.mc-interval line').count()).resolves.toBe(results.length);
    const rows = await page.locator('[data-testid=forecasts] tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].slice(2, 7).map((td) => Number(td.textContent))),
    );
    for (const q of rows) for (let j = 1; j < q.length; j++) expect(q[j]).toBeGreaterThanOrEqual(q[j - 1]);
    await shot('03-issue-donbas');
    expect(pageErrors).toEqual([]);
  }, BROWSER_TEST_MS);

  it('exports a table as CSV and JSON and a chart as SVG and PNG', async () => {
    await page.goto(`${bench.url}/#/case/${UKRAINE_CASE}/issue/donbas`);
    await page.getByTestId('issue-chart').locator('g.forecast-marker path').first().waitFor();
    const download = async (name: RegExp) => {
      const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).first().click()]);
      const path = await d.path();
      return { name: d.suggestedFilename(), bytes: readFileSync(path!) };
    };
    const csv = await download(/^Export Forecasts on this issue as CSV$/);
    expect(csv.name).toBe('Forecasts-on-this-issue.csv');
    const lines = csv.bytes.toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe('model,forecast,MC 5 %,MC 25 %,MC median,MC 75 %,MC 95 %,before last edit');
    const compromise = lines.find((l) => l.startsWith('compromise,'))!;
    const shown = Number(await page.locator('[data-testid=forecasts] .forecast-value[data-model=compromise]').textContent());
    expect(Number(compromise.split(',')[1])).toBeCloseTo(shown, 1);
    const json = JSON.parse((await download(/^Export Actors on Donbas and territory as JSON$/)).bytes.toString('utf8')) as Array<Record<string, unknown>>;
    expect(json.map((r) => r.actor)).toContain('Ukraine');
    const svg = await download(/^Export Positions on Donbas and territory as SVG$/);
    expect(svg.name).toBe('Positions-on-Donbas-and-territory.svg');
    const svgText = svg.bytes.toString('utf8');
    expect(svgText.startsWith('<svg')).toBe(true);
    expect(svgText).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svgText).toContain('actor-position');
    const png = await download(/^Export Positions on Donbas and territory as PNG$/);
    // The PNG signature, and an IHDR twice the chart's on-screen width (2× for slides).
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const width = await page.getByTestId('issue-chart').locator('svg').first().evaluate((el) => Math.round(el.getBoundingClientRect().width));
    expect(png.bytes.readUInt32BE(16)).toBe(width * 2);
    expect(pageErrors).toEqual([]);
  }, BROWSER_TEST_MS);

  it('renders trajectories with reasons, the draft diff with red-line crossings, filtered evidence and scenarios', async () => {
    const c = await api<Case>(`/api/cases/${UKRAINE_CASE}`);
    const current = currentStances(c);
    const onDonbas = c.actors.filter((a) => current.has(pairKey(a.id, 'donbas'))).length;

    await page.goto(`${bench.url}/#/case/${UKRAINE_CASE}/trajectories`);
    await page.getByLabel('Model', { exact: true }).selectOption('bdm');
    await page.getByLabel('Issue', { exact: true }).selectOption('donbas');
    const traj = page.getByTestId('trajectory-chart');
    await traj.locator('g.trajectory-line path').first().waitFor({ state: 'attached' });
    // One line per actor taking part in the issue, one forecast line, and each move's reason in the table.
    await expect(traj.locator('g.trajectory-line path').count()).resolves.toBe(onDonbas);
    await expect(traj.locator('g.trajectory-outcome path').count()).resolves.toBe(1);
    const whys = await page.locator('[data-testid=moves] tbody tr td:last-child').allTextContents();
    expect(whys.length).toBeGreaterThan(0);
    for (const why of whys) expect(why.trim().length).toBeGreaterThan(10);
    await shot('08-trajectories');

    await page.goto(`${bench.url}/#/case/${UKRAINE_CASE}/drafts`);
    await page.getByLabel('Draft A', { exact: true }).selectOption('us-28-point');
    await page.getByLabel('Draft B', { exact: true }).selectOption('geneva-19-point');
    await page.locator('[data-testid=draft-diff] tbody tr').first().waitFor();
    // The 28-point plan crosses Ukraine's veto red line on Donbas.
    const crossing = page.locator('[data-testid=crossings] tbody tr', { hasText: 'The US 28-point plan' }).filter({ hasText: 'Donbas and territory' }).filter({ hasText: /^(?=.*Ukraine)(?=.*veto)/ });
    await expect.poll(() => crossing.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await shot('09-drafts');

    await page.goto(`${bench.url}/#/case/${UKRAINE_CASE}/evidence`);
    await page.getByLabel('Issue', { exact: true }).selectOption('donbas');
    const onIssue = c.evidence.filter((e) => e.issues.includes('donbas')).length;
    await expect(page.locator('[data-testid=evidence-list] > li').count()).resolves.toBe(onIssue);
    await expect(page.getByRole('status').filter({ hasText: ' of ' }).textContent()).resolves.toBe(`${onIssue} of ${c.evidence.length}`);

    await page.goto(`${bench.url}/#/case/${UKRAINE_CASE}/scenarios`);
    const table = page.getByTestId('scenario-table');
    await table.locator('tbody tr').first().waitFor();
    const { results } = await api<{ results: unknown[] }>(`/api/cases/${UKRAINE_CASE}/forecast`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    await expect(table.locator('tbody tr').count()).resolves.toBe(results.length * c.issues.length);
    for (const sc of c.scenarios) await expect(table.locator('thead').textContent()).resolves.toContain(sc.title);
    await shot('10-scenarios');
    expect(pageErrors).toEqual([]);
  }, BROWSER_TEST_MS);

  it('shows the outlook: Monte Carlo intervals, the forecast over time and a sensitivity ranking', async () => {
    await page.goto(`${bench.url}/#/case/${UKRAINE_CASE}/outlook`);
    await page.getByLabel('Model', { exact: true }).selectOption('compromise');
    const rows = page.locator('[data-testid=sensitivity-table] tbody tr');
    await rows.first().waitFor();
    // Ranked by swing, largest first.
    const swings = (await page.locator('[data-testid=sensitivity-table] tbody tr td:last-child').allTextContents()).map(Number);
    expect(swings.length).toBeGreaterThan(1);
    for (let i = 1; i < swings.length; i++) expect(swings[i]).toBeLessThanOrEqual(swings[i - 1]);
    await page.getByTestId('tornado-chart').locator('svg').first().waitFor();
    await page.getByTestId('timeline-chart').locator('svg').first().waitFor();
    await page.getByTestId('quantile-chart').locator('svg').first().waitFor({ timeout: 100_000 });
    await shot('11-outlook');
    expect(pageErrors).toEqual([]);
  }, BROWSER_TEST_MS);

  it('shows the case as of a date, kept across views, and back to the latest', async () => {
    const overviewAt = (asOf?: string) =>
      api<{ cells: unknown[] }>(`/api/cases/${UKRAINE_CASE}/overview${asOf ? `?asOf=${asOf}` : ''}`).then((o) => o.cells.length);
    const [early, latest] = await Promise.all([overviewAt('2025-11-21'), overviewAt()]);
    expect(early).toBeLessThan(latest);
    await page.goto(`${bench.url}/#/case/${UKRAINE_CASE}`);
    await page.getByTestId('matrix').waitFor();
    await expect(page.locator('[data-testid=matrix] .cell').count()).resolves.toBe(latest);
    await page.getByTestId('as-of').getByLabel('As of', { exact: true }).fill('2025-11-21');
    await page.getByText('Showing the case as it stood on 2025-11-21.').waitFor();
    await expect.poll(() => page.locator('[data-testid=matrix] .cell').count()).toBe(early);
    expect(page.url()).toContain('?asOf=2025-11-21');
    // The date travels with the links; the past is read-only.
    await page.getByRole('navigation', { name: 'Case views' }).getByRole('link', { name: 'Donbas and territory', exact: true }).click();
    await page.getByTestId('edit-estimate-past').waitFor();
    expect(page.url()).toContain('/issue/donbas?asOf=2025-11-21');
    await page.getByRole('button', { name: 'Latest' }).click();
    await page.getByTestId('edit-estimate').waitFor();
    expect(page.url()).not.toContain('asOf');
    expect(pageErrors).toEqual([]);
  }, BROWSER_TEST_MS);

  it('changing an estimate moves the compromise forecast by the weighted-mean shift', async () => {
    const issue = 'donbas';
    await page.goto(`${bench.url}/#/case/${UKRAINE_CASE}/issue/${issue}`);
    const cell = page.locator('[data-testid=forecasts] .forecast-value[data-model=compromise]');
    await cell.waitFor();
    const before = Number(await cell.textContent());
    const c = await api<Case>(`/api/cases/${UKRAINE_CASE}`);
    const current = currentStances(c);
    // Compromise = Σ c_i s_i x_i / Σ c_i s_i (van den Bos 1991): moving Russia from x_R to 10 shifts
    // it by (10 − x_R) · c_R s_R / Σ c_i s_i.
    let total = 0;
    let russia = 0;
    let russiaFrom = NaN;
    for (const a of c.actors) {
      const s = current.get(pairKey(a.id, issue));
      if (!s) continue;
      const w = estimate(s.capability ?? a.capability).value * (estimate(s.salience).value / 100);
      total += w;
      if (a.id === 'russia') {
        russia = w;
        russiaFrom = estimate(s.position).value;
      }
    }
    const expected = before + ((10 - russiaFrom) * russia) / total;
    expect(Math.abs(expected - before)).toBeGreaterThan(1);

    const form = page.getByTestId('edit-estimate');
    await form.getByLabel('Actor', { exact: true }).selectOption('russia');
    await expect(form.getByLabel('Position', { exact: true }).inputValue()).resolves.toBe(String(russiaFrom));
    await form.getByLabel('Position', { exact: true }).fill('10');
    await form.getByLabel('Position low', { exact: true }).fill('0');
    await form.getByLabel('Position high', { exact: true }).fill('20');
    await form.getByRole('button', { name: /Save estimate/ }).click();
    await page.getByTestId('forecast-change').first().waitFor();
    const after = Number(await cell.textContent());
    // The table rounds to one decimal.
    expect(after).toBeCloseTo(expected, 1);
    await expect(page.locator('[data-testid=forecasts] tr', { hasText: 'compromise' }).getByTestId('forecast-change').textContent()).resolves.toContain('→');
    // The edit is a new dated stance on the server, with the old one kept as history.
    const saved = await api<Case>(`/api/cases/${UKRAINE_CASE}`);
    const latest = currentStances(saved).get(pairKey('russia', issue))!;
    expect(estimate(latest.position)).toEqual({ value: 10, low: 0, high: 20 });
    expect(saved.stances.length).toBe(c.stances.length + 1);
    await shot('04-estimate-edited');
    // The overview's history lists the edit as the newest revision.
    const revisions = await api<Array<{ revision: number; message: string }>>(`/api/cases/${UKRAINE_CASE}/revisions`);
    await page.goto(`${bench.url}/#/case/${UKRAINE_CASE}`);
    await page.getByText('Revision history').click();
    const first = page.locator('[data-testid=revisions] tbody tr').first();
    await first.waitFor();
    await expect(page.locator('[data-testid=revisions] tbody tr').count()).resolves.toBe(revisions.length);
    expect(revisions.length).toBeGreaterThanOrEqual(2);
    await expect(first.locator('td').first().textContent()).resolves.toBe(String(Math.max(...revisions.map((r) => r.revision))));
    expect(pageErrors).toEqual([]);
  }, BROWSER_TEST_MS);

  it('ingests our own test article and accepts a quote into the case', async () => {
    await page.goto(`${bench.url}/#/case/${UKRAINE_CASE}/ingest`);
    await page.getByLabel('Article text').fill(fixture('talks-article.txt'));
    await page.getByLabel('Article date').fill('2025-11-28');
    await page.getByLabel('Outlet').fill('Parley Test Wire');
    await page.getByRole('button', { name: 'Find quotes' }).click();
    await page.getByTestId('ingest-report').waitFor();
    const candidate = page.locator('[data-testid=candidates] li', { hasText: 'We will not trade our land for promises' });
    await candidate.waitFor();
    await expect(candidate.textContent()).resolves.toContain('Zelensky');
    const evidenceId = (await candidate.getAttribute('data-evidence-id'))!;
    await shot('05-ingest-review');
    await candidate.getByRole('button', { name: /^Accept/ }).click();
    await candidate.waitFor({ state: 'detached' });
    const c = await api<Case>(`/api/cases/${UKRAINE_CASE}`);
    const accepted = c.evidence.find((e) => e.id === evidenceId)!;
    expect(accepted.status).toBe('accepted');
    expect(accepted.text).toContain('We will not trade our land for promises');
    expect(accepted.date).toBe('2025-11-28');
    // It shows on the evidence timeline, filtered to Ukraine.
    await page.goto(`${bench.url}/#/case/${UKRAINE_CASE}/evidence`);
    await page.getByLabel('Actor', { exact: true }).selectOption('ukraine');
    await expect(page.getByTestId('evidence-list').textContent()).resolves.toContain('We will not trade our land for promises');
    expect(pageErrors).toEqual([]);
  }, BROWSER_TEST_MS);

  it('shows an article with <script> and <img onerror> as inert text', async () => {
    const article = fixture('hostile-article.txt');
    // With the Content-Security-Policy switched off: the markup must stay inert because it is only
    // ever rendered as text, not because the policy would block it.
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('dialog', (d) => {
      pageErrors.push(`a dialog opened: ${d.message()}`);
      void d.dismiss();
    });
    const shot = (name: string, fullPage = true) => page.screenshot({ path: join(artifacts, `${name}.png`), fullPage, timeout: 60_000 });
    await page.goto(`${bench.url}/#/case/${UKRAINE_CASE}/ingest`);
    await page.getByLabel('Article text').fill(article);
    await page.getByLabel('Article date').fill('2025-11-27');
    await page.getByRole('button', { name: 'Find quotes' }).click();
    await page.getByTestId('ingest-report').waitFor();
    const text = page.getByTestId('article-text');
    // The markup is on screen, as characters.
    await expect(text.textContent()).resolves.toContain(`<script>window.__parleyPwned = 'script'</script>`);
    await expect(text.textContent()).resolves.toContain('onerror=');
    // Accept every candidate so the markup also goes through the evidence views.
    const candidates = page.locator('[data-testid=candidates] li');
    await candidates.first().waitFor();
    await expect(page.getByTestId('candidates').textContent()).resolves.toContain('<script>');
    await shot('06-hostile-ingest');
    while ((await candidates.count()) > 0) {
      const id = (await candidates.first().getAttribute('data-evidence-id'))!;
      const item = page.locator(`[data-testid=candidates] li[data-evidence-id="${id}"]`);
      await item.getByRole('button', { name: /^Accept/ }).click();
      await item.waitFor({ state: 'detached' });
    }
    await page.goto(`${bench.url}/#/case/${UKRAINE_CASE}/evidence`);
    await expect(page.getByTestId('evidence-list').textContent()).resolves.toContain('<script>');
    await page.waitForTimeout(300);
    await shot('07-hostile-evidence', false);
    // Nothing ran and no element was made from the article: no script, no img anywhere in the page body.
    expect(await page.evaluate(() => (window as unknown as { __parleyPwned?: string }).__parleyPwned)).toBeUndefined();
    expect(await page.locator('body img').count()).toBe(0);
    expect(await page.locator('body script').count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await context.close();
  }, BROWSER_TEST_MS);
});
