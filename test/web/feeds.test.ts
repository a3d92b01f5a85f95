/**
 * The Ingest view's feeds: a case with a feed (served by our own feed server on 127.0.0.1; the
 * workbench made with the tests-only `allowPrivateFetch`) shows it as not polled yet; "Poll now" adds
 * the new items' quotes to the review queue and the table shows what the poll found; a second poll
 * adds nothing; a later poll raises a candidate's outlets (another outlet's own report) and shows an item
 * whose page is missing as retrying. The feed's items are invented text.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/index.ts';
import { sampleCase } from '../store/backends.ts';
import { axeViolations } from './axe-check.ts';
import { buildDashboardInto, chromiumPath, haveChromium, launchChromium } from './harness.ts';

const inCI = process.env.CI === 'true';
const TEST_MS = 240_000;
const suite = haveChromium() || inCI ? describe : describe.skip;
const title = haveChromium() || inCI ? 'dashboard: feeds in the Ingest view' : `dashboard feeds (skipped: no chromium at ${chromiumPath()})`;

const FILLER = 'The delegations are to meet again after consultations in their capitals, officials said, and no date has been set for the next round of the border talks, which mediators hope to hold before the summer.';
const FEED = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Browser Gazette</title><link>https://gazette.example/</link>
<item><guid>bg-1</guid><title>North holds its line</title><link>https://gazette.example/bg-1</link><pubDate>Mon, 03 Mar 2025 09:00:00 GMT</pubDate>
<content:encoded>${`"We will not give up one metre of the north line," North's foreign minister Anna Berg said after the meeting.\n\n"A fair border runs along the river, and we are ready to sign," South's envoy Tomas Reyes told reporters.\n\n${FILLER}\n\n${FILLER}`.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</content:encoded></item>
</channel></rss>`;

// At the second poll: a copy of bg-1's story under its own outlet's name carrying Anna Berg's words
// (an independent report: her candidate's outlets rise), and an item whose page is missing (retried).
const FEED_LATER = FEED.replace(
  '</channel>',
  `<item><guid>vh-1</guid><title>Berg repeats her line</title><link>https://herald.example/vh-1</link><source url="https://herald.example/rss">Valley Herald</source><pubDate>Tue, 04 Mar 2025 09:00:00 GMT</pubDate>
<content:encoded>${`At a school hall in the river towns, where the border question has divided families for a decade, the foreign minister spoke again on Tuesday evening.\n\n"We will not give up one metre of the north line," North's foreign minister Anna Berg told the crowd, to long applause.\n\nFarmers on the south bank said they had heard such promises before and would wait for a map.`.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</content:encoded></item>
<item><guid>gone-1</guid><title>Gone</title><link>PAGE_GONE</link><pubDate>Tue, 04 Mar 2025 10:00:00 GMT</pubDate></item>
</channel>`,
);

suite(title, () => {
  let server: RunningServer;
  let feedServer: Server;
  let browser: Browser;
  let page: Page;
  let feedUrl = '';
  let later = false;
  const tmp = mkdtempSync(join(tmpdir(), 'parley-web-feeds-'));
  const pageErrors: string[] = [];

  beforeAll(async () => {
    feedServer = createServer((req, res) => {
      if (req.url === '/feed.xml') res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(later ? FEED_LATER.replace('PAGE_GONE', feedUrl.replace('feed.xml', 'gone.html')) : FEED);
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => feedServer.listen(0, '127.0.0.1', () => r()));
    feedUrl = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}/feed.xml`;
    browser = await launchChromium();
    const webRoot = join(tmp, 'dist');
    await buildDashboardInto(webRoot);
    server = await startServer({ port: 0, host: '127.0.0.1', db: join(tmp, 'parley.db'), webRoot, allowPrivateFetch: true });
    await server.store.createCase(sampleCase('talks'));
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
    page = await ctx.newPage();
    page.setDefaultTimeout(30_000);
    page.on('pageerror', (e) => pageErrors.push(e.message));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await new Promise((r) => feedServer?.close(r));
    rmSync(tmp, { recursive: true, force: true });
  }, TEST_MS);

  it('adds a feed, polls it with "Poll now", and the new candidates are in the review queue', async () => {
    await page.goto(`${server.url}/#/case/talks/ingest`);
    const feeds = page.getByTestId('feeds');
    await expect(feeds.locator('p.muted').first().textContent()).resolves.toMatch(/^This case has no feeds/);
    const form = feeds.getByRole('form', { name: 'Add a feed' });
    await form.getByLabel('Feed URL').fill('ftp://nowhere.example/feed');
    await form.getByRole('button', { name: 'Add feed' }).click();
    await expect(feeds.getByRole('alert').textContent()).resolves.toMatch(/must start with http/);
    await form.getByLabel('Feed URL').fill(feedUrl);
    await form.getByLabel('Poll every').selectOption('30m');
    await form.getByLabel('Feed label').fill('gazette');
    await form.getByRole('button', { name: 'Add feed' }).click();
    await feeds.getByTestId('feeds-table').waitFor();
    expect((await server.store.getCase('talks')).case.feeds).toEqual([{ url: feedUrl, every: '30m', label: 'gazette' }]);
    const row = feeds.locator('tbody tr', { hasText: 'gazette' });
    await expect(row.textContent()).resolves.toMatch(/30m.*never.*not polled yet/);
    await expect(page.locator('[data-testid=candidates] li').count()).resolves.toBe(0);

    await feeds.getByRole('button', { name: 'Poll now' }).click();
    await expect(feeds.getByTestId('feeds-result').textContent()).resolves.toBe('2 new candidates to review');
    const queue = page.locator('[data-testid=candidates] li');
    await queue.nth(1).waitFor();
    await expect(queue.count()).resolves.toBe(2);
    await expect(queue.first().textContent()).resolves.toContain('Anna Berg');
    await expect(queue.first().textContent()).resolves.toContain('Browser Gazette');
    // The table shows the poll: 1 item seen, 2 added, status ok.
    const cells = await row.locator('td').allTextContents();
    expect(cells.slice(4, 8)).toEqual(['ok', '1', '2', '2']);

    expect(cells[8]).toBe('0');

    // Nothing new the second time; the queue is as it was.
    await feeds.getByRole('button', { name: 'Poll now' }).click();
    // The first poll's result stays on screen until the second answers: wait for the new text.
    await feeds.locator('[data-testid=feeds-result]', { hasText: /^No new candidates$/ }).waitFor();
    await expect(queue.count()).resolves.toBe(2);

    // Later: another outlet's own report of Berg's words raises her candidate's outlets; a missing page is retried.
    later = true;
    await feeds.getByRole('button', { name: 'Poll now' }).click();
    await feeds.locator('[data-testid=feeds-result]', { hasText: /raised/ }).waitFor();
    await expect(feeds.getByTestId('feeds-result').textContent()).resolves.toBe("No new candidates · independent outlets raised for 1 (another outlet's own report)");
    const berg = (await server.store.getCase('talks')).case.evidence.find((e) => e.speaker === 'Anna Berg' && e.status === 'candidate');
    expect(berg?.outlets).toBe(2);
    await row.locator('td', { hasText: 'retrying' }).waitFor();
    const failing = (await row.locator('td').allTextContents())[8];
    // (the error is shown once an item is given up: lastItemError)
    expect(failing).toBe('1 retrying');
    await expect(queue.count()).resolves.toBe(2);
    expect(await axeViolations(page, '[data-testid=feeds]')).toEqual({});

    // Removed: a new revision without feeds; the candidates stay for review.
    await feeds.getByRole('button', { name: 'Remove feed gazette' }).click();
    await feeds.getByTestId('feeds-table').waitFor({ state: 'detached' });
    expect('feeds' in (await server.store.getCase('talks')).case).toBe(false);
    await expect(queue.count()).resolves.toBe(2);
    expect(pageErrors).toEqual([]);
  }, TEST_MS);
});
