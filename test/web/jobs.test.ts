/**
 * The dashboard's long analyses as background jobs (web/src/components/useJob.ts, JobProgress.tsx),
 * in chromium against the workbench server (SQLite, the server runs its jobs one at a time):
 * - Research next on the Ukraine example shows a real <progress> (max 1, a value in 0..1, labelled
 *   "Research list: N %"), then the table; the job's stored result is, byte for byte, the JSON of the
 *   synchronous POST …/research, and the table shows its numbers.
 * - On a generated 30-actor case (66 chunks, a minute) the bar rises chunk by chunk, never
 *   down; axe finds no serious violation with it on screen; Cancel stops the job (GET /api/jobs/{id}
 *   says cancelled, short of 1) and the view says so; "Run again" starts a new job, and leaving the
 *   view cancels that one.
 * - A job waiting behind another says "queued — waiting for a worker": the Monte Carlo job, with the
 *   same bar and Cancel beside its status line; cancelled, its status line says so.
 * Skipped without chromium, except under CI=true.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResearchReport } from '../../src/analysis/research.ts';
import { generatedCase } from '../analysis/generated-case.ts';
import { axeViolations } from './axe-check.ts';
import { chromiumPath, haveChromium, launchChromium, startWorkbench, UKRAINE_CASE, type Workbench } from './harness.ts';

const inCI = process.env.CI === 'true';
const suite = haveChromium() || inCI ? describe : describe.skip;
const title = haveChromium() || inCI ? 'dashboard analyses as jobs in chromium' : `dashboard jobs in chromium (skipped: no chromium at ${chromiumPath()})`;
const num2 = (x: number) => String(Math.round(x * 100) / 100);
/** 66 chunks of research (about a second each on this machine): long enough to see it rise, and to cancel. */
const BIG = generatedCase(30, 5);
const BIG_CHUNKS = 66;

interface SeenProgress {
  kind: string | null;
  job: string | null;
  status: string | null;
  value: number;
  max: string | null;
  label: string | null;
}

suite(title, () => {
  let bench: Workbench;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];
  const api = async <T,>(path: string, init?: RequestInit): Promise<T> => {
    const res = await fetch(`${bench.url}${path}`, init);
    expect(res.status, `${init?.method ?? 'GET'} ${path}: ${res.status}`).toBeLessThan(300);
    return (await res.json()) as T;
  };
  const seen = () => page.evaluate(() => (window as unknown as { __progress: SeenProgress[] }).__progress.slice());

  beforeAll(async () => {
    browser = await launchChromium();
    bench = await startWorkbench();
    await api('/api/cases', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(BIG) });
    context = await browser.newContext({ viewport: { width: 1366, height: 900 }, bypassCSP: true });
    // Every state of every progress bar, as the page shows it (a fast job's bar may be gone before a locator looks).
    await context.addInitScript(() => {
      const w = window as unknown as { __progress: unknown[] };
      w.__progress = [];
      const record = (el: Element) => {
        const box = el.closest('[data-testid=job-progress]');
        w.__progress.push({ kind: box?.getAttribute('data-kind') ?? null, job: box?.getAttribute('data-job') ?? null, status: box?.getAttribute('data-status') ?? null, value: (el as HTMLProgressElement).value, max: el.getAttribute('max'), label: el.getAttribute('aria-label') });
      };
      new MutationObserver((muts) => {
        for (const m of muts) {
          if (m.type === 'attributes' && m.target instanceof Element && m.target.tagName === 'PROGRESS') record(m.target);
          for (const n of m.addedNodes) if (n instanceof Element) n.querySelectorAll('progress').forEach(record);
        }
      }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['value', 'aria-label'] });
    });
    page = await context.newPage();
    page.setDefaultTimeout(90_000);
    page.on('pageerror', (e) => pageErrors.push(e.message));
  }, 240_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await bench?.close();
  }, 60_000);

  it('research next: a progress bar with a value, then the table, the result the synchronous route gives', async () => {
    const sync = await api<ResearchReport>(`/api/cases/${UKRAINE_CASE}/research`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    await page.goto(`${bench.url}/#/case/${UKRAINE_CASE}/research`);
    const rows = page.getByTestId('research-table').locator('tbody tr');
    await rows.first().waitFor();
    const bars = (await seen()).filter((p) => p.kind === 'research');
    expect(bars.length).toBeGreaterThan(0);
    for (const b of bars) {
      expect(b.max).toBe('1');
      expect(b.value).toBeGreaterThanOrEqual(0);
      expect(b.value).toBeLessThanOrEqual(1);
      expect(b.label).toBe(`Research list: ${Math.min(99, Math.round(b.value * 100))} %`);
    }
    // Gone once the result is there.
    await expect(page.locator('[data-testid=job-progress][data-kind=research]').count()).resolves.toBe(0);
    // The job the view started: the newest research job of the case (the server ran no other).
    const listed = await api<{ items: Array<{ id: string }> }>(`/api/jobs?kind=research&case=${UKRAINE_CASE}`);
    expect(listed.items).toHaveLength(1);
    const jobId = listed.items[0].id;
    expect(bars.map((b) => b.job).filter((j) => j !== null).every((j) => j === jobId)).toBe(true);
    const job = await api<{ status: string; progress: number; kind: string; result: unknown }>(`/api/jobs/${jobId}`);
    expect({ status: job.status, progress: job.progress, kind: job.kind }).toEqual({ status: 'done', progress: 1, kind: 'research' });
    // The job's result is the synchronous answer, byte for byte, plus the id of the run the job is stored as.
    const { runId, ...answer } = job.result as ResearchReport & { runId?: string };
    expect(typeof runId).toBe('string');
    expect(JSON.stringify(answer)).toBe(JSON.stringify(sync));
    // And the table shows it: 15 rows, ranks, scores and swings as the route ranks them.
    const cells = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())));
    expect(cells).toHaveLength(15);
    expect(cells.map((r) => r[0])).toEqual(sync.items.slice(0, 15).map((x) => String(x.rank)));
    expect(cells.map((r) => r[10])).toEqual(sync.items.slice(0, 15).map((x) => num2(x.score)));
    expect(sync.items[0]).toMatchObject({ actor: 'eu', issue: 'sanctions', field: 'position' });
    expect(cells[0][1]).toBe('European Union');
    expect(pageErrors).toEqual([]);
  }, 180_000);

  it('a long research job: the bar rises chunk by chunk, axe passes with it on screen, Cancel stops it and the view says so', async () => {
    await page.goto(`${bench.url}/#/case/${BIG.id}/research`);
    const bar = page.locator('[data-testid=job-progress][data-kind=research]');
    // Wait until at least one of its chunks is done.
    await page.waitForFunction(() => {
      const p = document.querySelector('[data-testid=job-progress][data-kind=research] progress') as HTMLProgressElement | null;
      return p !== null && p.value > 0;
    });
    const jobId = await bar.getAttribute('data-job');
    expect(jobId).toBeTruthy();
    expect(await bar.getAttribute('data-status')).toBe('running');
    await expect(bar.getByRole('status').textContent()).resolves.toBe('Research list: running');
    expect(await axeViolations(page), 'axe with the progress bar on screen').toEqual({});
    await bar.getByRole('button', { name: 'Cancel' }).click();
    const ended = page.locator('[data-testid=job-ended][data-kind=research]');
    await ended.waitFor();
    await expect(ended.getByRole('alert').textContent()).resolves.toBe('The research list was cancelled before it finished: nothing is shown. Run it again to see it.');
    await expect(page.getByTestId('research-table').count()).resolves.toBe(0);
    const job = await api<{ status: string; progress: number; result?: unknown }>(`/api/jobs/${jobId}`);
    expect(job.status).toBe('cancelled');
    expect(job.progress).toBeGreaterThan(0);
    expect(job.progress).toBeLessThan(1);
    expect(job.result).toBeUndefined();
    // What the bar showed of that job: a value of chunks done (k of 66), never going down, short of the end.
    const values = (await seen()).filter((p) => p.job === jobId).map((p) => p.value);
    expect(values.length).toBeGreaterThan(0);
    for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThanOrEqual(values[i - 1]);
    for (const v of values) expect(Array.from({ length: BIG_CHUNKS }, (_, k) => Math.abs(v - k / BIG_CHUNKS) < 1e-9).some(Boolean), `progress ${v} is k/${BIG_CHUNKS}`).toBe(true);
    expect(values.some((v) => v > 0 && v < 1)).toBe(true);

    // Run again: a new job (queued behind the case's Monte Carlo, or running); leaving the view cancels it.
    await ended.getByRole('button', { name: 'Run again: research list' }).click();
    await page.waitForFunction((old) => {
      const box = document.querySelector('[data-testid=job-progress][data-kind=research]');
      const id = box?.getAttribute('data-job');
      return !!id && id !== old;
    }, jobId);
    const again = await bar.getAttribute('data-job');
    const status = await bar.getAttribute('data-status');
    expect(['queued', 'running']).toContain(status);
    if (status === 'queued') await expect(bar.getByRole('status').textContent()).resolves.toBe('Research list: queued — waiting for a worker');
    await page.goto(`${bench.url}/#/`);
    await expect.poll(async () => (await api<{ status: string }>(`/api/jobs/${again}`)).status, { timeout: 30_000 }).toBe('cancelled');
    expect(pageErrors).toEqual([]);
  }, 240_000);

  it('a queued job says so: the Monte Carlo waits behind a long job, shows its bar and Cancel; cancelled, its status says so', async () => {
    // Keep the server's one job slot busy (SQLite: the server runs one job at a time).
    const { jobId: blocker } = await api<{ jobId: string }>(`/api/cases/${BIG.id}/jobs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'research', options: {} }) });
    try {
      await page.goto(`${bench.url}/#/case/${UKRAINE_CASE}`);
      const bar = page.locator('[data-testid=job-progress][data-kind=simulate][data-status=queued]');
      await bar.waitFor();
      const jobId = await bar.getAttribute('data-job');
      expect(jobId).toBeTruthy();
      await expect(bar.getByRole('status').textContent()).resolves.toBe('Monte Carlo: queued — waiting for a worker');
      await expect(bar.locator('progress').evaluate((el: HTMLProgressElement) => ({ value: el.value, max: el.max, label: el.getAttribute('aria-label') }))).resolves.toEqual({ value: 0, max: 1, label: 'Monte Carlo: 0 %' });
      expect(await axeViolations(page), 'axe with a queued job’s bar on screen').toEqual({});
      await bar.getByRole('button', { name: 'Cancel' }).click();
      await page.locator('[data-testid=mc-status][data-status=failed]').waitFor();
      await expect(page.getByTestId('mc-status').textContent()).resolves.toMatch(/^Monte Carlo \(200 runs\): unavailable \(cancelled\)/);
      await expect(page.getByTestId('mc-status').getByRole('button', { name: 'Run the Monte Carlo again' }).count()).resolves.toBe(1);
      const job = await api<{ status: string; progress: number; startedAt: string | null }>(`/api/jobs/${jobId}`);
      expect(job).toMatchObject({ status: 'cancelled', progress: 0, startedAt: null });
    } finally {
      await fetch(`${bench.url}/api/jobs/${blocker}`, { method: 'DELETE' });
    }
    await expect.poll(async () => (await api<{ status: string }>(`/api/jobs/${blocker}`)).status, { timeout: 30_000 }).toMatch(/^(cancelled|done)$/);
    await page.goto(`${bench.url}/#/`);
    expect(pageErrors).toEqual([]);
  }, 240_000);
});
