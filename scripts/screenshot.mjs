#!/usr/bin/env node
/**
 * The dashboard pictures in the docs: builds the dashboard, starts the workbench on a temporary
 * SQLite database with the example cases (127.0.0.1, a free port: the same harness as the browser
 * tests and bench/web.ts), opens the Ukraine case in Debian's headless chromium, waits for the
 * forecasts and the Monte Carlo job, and saves PNGs.
 *
 *   node scripts/screenshot.mjs                 # docs/images/dashboard.png and docs/images/overview.png
 *   node scripts/screenshot.mjs --out /tmp/shots
 *
 * The pictures are for reading, not for comparing: nothing checks them pixel by pixel.
 */
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { register } from 'tsx/esm/api';

// The harness and the server are TypeScript sources; load them as bin/parley.js did before the build.
register();
const { launchChromium, startWorkbench, UKRAINE_CASE } = await import('../test/web/harness.ts');

const { values } = parseArgs({ options: { out: { type: 'string', default: 'docs/images' } } });
const outDir = values.out;
mkdirSync(outDir, { recursive: true });

const mcDone = '[data-testid=mc-status][data-status=done]';
const shots = [
  // One issue's position map: positions, red lines, the (empty) zone, drafts, and every model's
  // forecast with its Monte Carlo intervals; the picture ends below the chart.
  { file: 'dashboard.png', route: `#/case/${UKRAINE_CASE}/issue/donbas`, ready: mcDone, until: '[data-testid=issue-chart]' },
  // The overview: the actors × issues matrix (the forecasts follow below the fold).
  { file: 'overview.png', route: `#/case/${UKRAINE_CASE}`, ready: mcDone, height: 900 },
];

const bench = await startWorkbench();
const browser = await launchChromium();
try {
  for (const shot of shots) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.goto(`${bench.url}/${shot.route}`);
    await page.locator(shot.ready).waitFor({ timeout: 180_000 });
    // Let the charts redraw with the Monte Carlo intervals before the picture is taken.
    await page.waitForTimeout(500);
    const path = join(outDir, shot.file);
    let height = shot.height ?? 900;
    if (shot.until) {
      const box = await page.locator(shot.until).boundingBox();
      if (!box) throw new Error(`${shot.until} is not on the page`);
      height = Math.ceil(box.y + box.height + 16);
    }
    await page.screenshot({ path, fullPage: true, clip: { x: 0, y: 0, width: 1280, height } });
    console.log(`${path}: ${(statSync(path).size / 1024).toFixed(1)} KB`);
    await context.close();
  }
} finally {
  await browser.close();
  await bench.close();
}
