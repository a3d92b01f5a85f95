/**
 * Research next and evidence grades in the dashboard (web/src/views/Research.tsx,
 * components/EvidenceGrade.tsx, EffectiveRange.tsx, evidence-grades.ts) on the Ukraine example:
 * the panel lists the estimates ranked as `parley research` (run in-process) ranks them, with names;
 * a grade set through the evidence form (F6) is stored and changes the ranking and the estimate's
 * factor by the numbers src/analysis/research.ts gives; a refused grade changes nothing and names
 * its field; the effective Monte Carlo range shows beside the stated one in the estimate editor;
 * axe finds no serious violation and nothing scrolls sideways at 390 px. The first block tests the
 * grade form's logic without a browser. Browser part skipped without chromium, except under CI=true.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { effectiveView } from '../../src/analysis/reliability.ts';
import { research, type ResearchReport } from '../../src/analysis/research.ts';
import { Evidence as EvidenceSchema, type Case } from '../../src/case/schema.ts';
import { errorsByField } from '../../web/src/forms.ts';
import { evidenceGradeFields, fromGradeForm, gradeText, gradeWords, retractionText, toGradeForm } from '../../web/src/evidence-grades.ts';
import { href, parseRoute, type Route } from '../../web/src/router.ts';
import { runCli } from '../cli/run.ts';
import { projectRoot } from '../helpers/reference.ts';
import { axeViolations } from './axe-check.ts';
import { chromiumPath, haveChromium, launchChromium, startWorkbench, UKRAINE_CASE, type Workbench } from './harness.ts';

describe('evidence grades: the form logic and the links of Research next', () => {
  it('shows grades as parley research prints them, and in words', () => {
    expect(gradeText({ reliability: 'B', credibility: 2 })).toBe('B2');
    expect(gradeText({ reliability: 'D' })).toBe('D?');
    expect(gradeText({ uncertain: true })).toBe('?4?');
    expect(gradeText({})).toBeNull();
    expect(gradeWords({ reliability: 'F', credibility: 6 })).toBe('source reliability cannot be judged; information truth cannot be judged');
    expect(retractionText({ date: '2025-12-10', note: 'denied by the ministry' })).toBe('Retracted on 2025-12-10: denied by the ministry');
    expect(retractionText(true)).toBe('Retracted');
    expect(retractionText(false)).toBeNull();
  });
  it('turns the form back into the item the schema takes (credibility a number, retracted true or {date, note})', () => {
    const base = { id: 'e1', kind: 'quote', text: 'hi', date: '2025-12-09', issues: [], status: 'accepted' };
    expect(fromGradeForm({ ...base, reliability: 'F', credibility: '6', outlets: 3, retracted: { yes: true } })).toEqual({ ...base, reliability: 'F', credibility: 6, outlets: 3, retracted: true });
    const dated = fromGradeForm({ ...base, retracted: { yes: true, date: '2025-12-10', note: 'denied' } });
    expect(dated.retracted).toEqual({ date: '2025-12-10', note: 'denied' });
    expect(EvidenceSchema.parse(dated).retracted).toEqual({ date: '2025-12-10', note: 'denied' });
    // Unticking removes the retraction; a date without the tick is refused on the tick box, before anything is sent.
    expect('retracted' in fromGradeForm({ ...base, retracted: { yes: false } })).toBe(false);
    let refused: unknown;
    try {
      fromGradeForm({ ...base, retracted: { date: '2025-12-10' } });
    } catch (e) {
      refused = e;
    }
    expect(errorsByField(refused as Error & { path: string | null }, evidenceGradeFields(), 'evidence')).toEqual({ 'retracted.yes': 'Retracted: tick "Retracted" to record a retraction date or note' });
    // And the other way: what is stored reads into the form's switch.
    expect(toGradeForm({ ...base, retracted: { date: '2025-12-10' } } as never).retracted).toEqual({ yes: true, date: '2025-12-10' });
    expect(toGradeForm({ ...base, retracted: true } as never).retracted).toEqual({ yes: true });
    expect('retracted' in toGradeForm(base as never)).toBe(false);
  });
  it('the server paths of refused grades land on their fields', () => {
    const e = { message: 'too small', path: 'evidence[40].outlets', problems: [{ path: 'evidence[40].outlets', message: 'Too small: expected number to be >=1' }, { path: 'evidence[40].saidOn', message: 'expected a date as YYYY-MM-DD, YYYY-MM or YYYY' }] };
    expect(errorsByField(e, evidenceGradeFields(), 'evidence')).toEqual({
      outlets: 'Independent outlets: Too small: expected number to be >=1',
      saidOn: 'Said on: expected a date as YYYY-MM-DD, YYYY-MM or YYYY',
    });
  });
  it('links open the estimate editor on the actor, and the evidence filtered', () => {
    const routes: Route[] = [
      { view: 'research', caseId: 'c' },
      { view: 'issue', caseId: 'c', issueId: 'elections', actor: 'usa' },
      { view: 'issue', caseId: 'c', issueId: 'elections', actor: 'usa', asOf: '2025-12-01' },
      { view: 'evidence', caseId: 'c', actor: 'usa', issue: 'elections' },
    ];
    for (const r of routes) expect(parseRoute(href(r))).toEqual(r);
    expect(href(routes[2])).toBe('#/case/c/issue/elections?actor=usa&asOf=2025-12-01');
    // Something not an id is dropped, not passed on.
    expect(parseRoute('#/case/c/evidence?actor=%3Cscript%3E&issue=x')).toEqual({ view: 'evidence', caseId: 'c', issue: 'x' });
  });
});

const inCI = process.env.CI === 'true';
const suite = haveChromium() || inCI ? describe : describe.skip;
const title = haveChromium() || inCI ? 'research next and evidence grades in chromium' : `research next in chromium (skipped: no chromium at ${chromiumPath()})`;
const shots = join(projectRoot, 'test-artifacts', 'screenshots');
/** The item whose grade the test sets: cited by the United States' and Ukraine's current stances on elections and Ukraine's on NATO. */
const GRADED = 'ev-zelensky-nato-trump-elections';
const num2 = (x: number) => String(Math.round(x * 100) / 100);
const num1 = (x: number) => String(Math.round(x * 10) / 10);

suite(title, () => {
  let bench: Workbench;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let cli: ResearchReport;
  const pageErrors: string[] = [];
  const getCase = async (): Promise<{ c: Case; etag: string | null }> => {
    const res = await fetch(`${bench.url}/api/cases/${UKRAINE_CASE}`);
    expect(res.status).toBe(200);
    return { c: (await res.json()) as Case, etag: res.headers.get('etag') };
  };
  const tableRows = (testId: string) =>
    page.getByTestId(testId).locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())));

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    const out = await runCli('research', join(projectRoot, 'examples', 'ukraine-2025.yaml'), '--format', 'json');
    expect(out.code, out.stderr).toBe(0);
    cli = JSON.parse(out.stdout) as ResearchReport;
    browser = await launchChromium();
    bench = await startWorkbench();
    context = await browser.newContext({ viewport: { width: 1366, height: 900 }, bypassCSP: true });
    page = await context.newPage();
    page.setDefaultTimeout(60_000);
    page.on('pageerror', (e) => pageErrors.push(e.message));
  }, 240_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await bench?.close();
  }, 60_000);

  it('lists the estimates ranked as parley research does, by name, with the ranking explained and links to each estimate', async () => {
    const { c } = await getCase();
    const actorName = (id: string) => c.actors.find((a) => a.id === id)!.name;
    const issueTitle = (id: string | null) => (id === null ? 'overall' : c.issues.find((i) => i.id === id)!.title);
    // The case the server imported is the example file: the same ranking.
    expect(research(c).items.map((x) => [x.actor, x.issue, x.field, x.score])).toEqual(cli.items.map((x) => [x.actor, x.issue, x.field, x.score]));
    expect(cli.items[0]).toMatchObject({ actor: 'eu', issue: 'sanctions', field: 'position', grades: ['A1', 'B3'], factor: 1 });

    await page.goto(`${bench.url}/#/case/${UKRAINE_CASE}/research`);
    await page.getByRole('heading', { name: 'Research next', level: 2 }).waitFor();
    await page.getByTestId('research-table').locator('tbody tr').first().waitFor();
    const rows = await tableRows('research-table');
    expect(rows.length).toBe(15);
    // #, actor, issue, field, range, swing %, evidence, grades, outlets, factor, score, why, links
    expect(rows.map((r) => r.slice(0, 4))).toEqual(cli.items.slice(0, 15).map((x) => [String(x.rank), actorName(x.actor), issueTitle(x.issue), x.field]));
    expect(rows[0]).toEqual(['1', 'European Union', issueTitle('sanctions'), 'position', '15–50 (30)', num1(cli.items[0].swingPercent), '2/2', 'A1 B3', '?', '×1', num2(cli.items[0].score), cli.items[0].reason, 'edit evidence']);
    const scores = cli.items.slice(0, 15).map((x) => x.score);
    expect(rows.map((r) => r[10])).toEqual(scores.map(num2));
    for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeLessThanOrEqual(scores[i - 1]);
    await expect(page.getByTestId('research-explainer').textContent()).resolves.toMatch(/Score = swing × gap.*averaged over 8 models.*gap =\s+widening factor ÷ \(1 \+ the evidence items that count\)/s);
    // All 102 on request.
    await page.getByRole('button', { name: `Show all ${cli.items.length}` }).click();
    await expect.poll(async () => (await tableRows('research-table')).length).toBe(cli.items.length);

    // The top row's links: the estimate editor on that actor, and the evidence filtered to it.
    const first = page.getByTestId('research-table').locator('tbody tr').first();
    await expect(first.getByRole('link', { name: `Edit the estimate: European Union, position on ${issueTitle('sanctions')}` }).getAttribute('href')).resolves.toBe(
      `#/case/${UKRAINE_CASE}/issue/sanctions?actor=eu`,
    );
    await first.getByRole('link', { name: /^Evidence for European Union/ }).click();
    await page.getByTestId('evidence-list').waitFor();
    await expect(page.getByLabel('Actor', { exact: true }).first().inputValue()).resolves.toBe('eu');
    await expect(page.getByLabel('Issue', { exact: true }).first().inputValue()).resolves.toBe('sanctions');
    const shown = c.evidence.filter((e) => e.actor === 'eu' && e.issues.includes('sanctions')).length;
    await expect(page.getByTestId('evidence-list').locator(':scope > li').count()).resolves.toBe(shown);
    await page.goto(`${bench.url}/#/case/${UKRAINE_CASE}/issue/sanctions?actor=eu`);
    await expect.poll(() => page.getByTestId('edit-estimate').getByLabel('Actor').inputValue()).toBe('eu');

    // As of a date: the ranking of the case as it stood then (fewer stances, other evidence), and the date kept in the links.
    const past = research(c, { asOf: '2025-11-25' });
    expect(past.items[0].actor + '/' + past.items[0].issue).not.toBe('eu/sanctions');
    await page.goto(`${bench.url}/#/case/${UKRAINE_CASE}/research?asOf=2025-11-25`);
    await expect
      .poll(async () => (await tableRows('research-table')).slice(0, 5).map((r) => [r[0], r[1], r[2], r[3], r[10]]), { timeout: 60_000 })
      .toEqual(past.items.slice(0, 5).map((x) => [String(x.rank), actorName(x.actor), issueTitle(x.issue), x.field, num2(x.score)]));
    const pastTop = page.getByTestId('research-table').locator('tbody tr').first();
    await expect(pastTop.getByRole('link', { name: /^Evidence for / }).getAttribute('href')).resolves.toMatch(/\?actor=[a-z0-9-]+(&issue=[a-z0-9-]+)?&asOf=2025-11-25$/);
  }, 240_000);

  it('a refused grade names its field and changes nothing; F6 is stored, shown, and moves the ranking and the factor', async () => {
    const before = await getCase();
    const usaElections = (r: ResearchReport) => r.items.find((x) => x.actor === 'usa' && x.issue === 'elections' && x.field === 'position')!;
    const was = usaElections(cli);
    expect(was).toMatchObject({ factor: 1, gap: 0.5, grades: ['??'] });

    await page.goto(`${bench.url}/#/case/${UKRAINE_CASE}/evidence?issue=elections`);
    await page.getByRole('button', { name: `Edit grades of evidence ${GRADED}` }).click();
    const form = page.getByTestId(`grades-${GRADED}`);
    // The server checks the body as the case loader checks a file and names the first bad field.
    await form.getByLabel('Independent outlets').fill('0');
    await form.getByRole('button', { name: 'Save grades' }).click();
    await expect(form.getByTestId('form-error').textContent()).resolves.toMatch(/Nothing stored was changed/);
    await expect(form.getByTestId('error-outlets').textContent()).resolves.toMatch(/^Independent outlets: Too small/);
    const after = await getCase();
    expect(after.etag).toBe(before.etag);
    expect(after.c.evidence.find((e) => e.id === GRADED)).toEqual(before.c.evidence.find((e) => e.id === GRADED));
    await form.getByLabel('Independent outlets').fill('');
    await form.getByLabel('Said on').fill('2025-13');
    await form.getByRole('button', { name: 'Save grades' }).click();
    await expect(form.getByTestId('error-saidOn').textContent()).resolves.toBe('Said on: expected a date as YYYY-MM-DD, YYYY-MM or YYYY');
    await expect(form.getByTestId('error-outlets').count()).resolves.toBe(0);
    expect((await getCase()).etag).toBe(before.etag);

    // F6, said on 8 December (reported the 9th): saved, shown on the item.
    await form.getByLabel('Said on').fill('2025-12-08');
    await form.getByLabel('Source reliability').selectOption('F');
    await form.getByLabel('Information credibility').selectOption('6');
    await form.getByRole('button', { name: 'Save grades' }).click();
    await form.waitFor({ state: 'detached' });
    const stored = (await getCase()).c;
    expect(stored.evidence.find((e) => e.id === GRADED)).toMatchObject({ reliability: 'F', credibility: 6, saidOn: '2025-12-08', date: '2025-12-09' });
    const item = page.getByTestId('evidence-list').locator(':scope > li').filter({ has: page.getByRole('button', { name: `Edit grades of evidence ${GRADED}` }) });
    await expect.poll(() => item.getByTestId('evidence-grade').textContent()).toBe('F6 (source reliability cannot be judged; information truth cannot be judged)');
    await expect(item.getByTestId('evidence-grades').textContent()).resolves.toContain('said 2025-12-08, reported 2025-12-09');
    await item.screenshot({ path: join(shots, 'ukraine-evidence-graded-item.png') });

    // The ranking: the United States on elections was 1 ungraded item (factor 1, gap 1/2); F6 makes it ×1.5,
    // gap 1.5 / 2 = 0.75, score = swing × 0.75, now above the European Union on sanctions (gap 1/3).
    const now = research(stored);
    const is = usaElections(now);
    expect(is).toMatchObject({ factor: 1.5, gap: 0.75, grades: ['F6'], rank: 1 });
    expect(is.score).toBeCloseTo(was.swingPercent * 0.75, 10);
    expect(is.score).toBeGreaterThan(cli.items[0].score);
    await page.goto(`${bench.url}/#/case/${UKRAINE_CASE}/research`);
    await expect.poll(async () => (await tableRows('research-table'))[0]?.slice(0, 4), { timeout: 60_000 }).toEqual(['1', 'United States', stored.issues.find((i) => i.id === 'elections')!.title, 'position']);
    const top = (await tableRows('research-table'))[0];
    expect(top.slice(7, 11)).toEqual(['F6', '?', '×1.5', num2(is.score)]);
    expect((await tableRows('research-table')).map((r) => r[10])).toEqual(now.items.slice(0, 15).map((x) => num2(x.score)));

    // The effective range: Monte Carlo now draws the United States' position on elections, 60 (50-75),
    // from 60 − 1.5 × 10 = 45 to 60 + 1.5 × 15 = 82.5; shown on the research view and in the estimate editor.
    const ranges = effectiveView(stored).ranges.filter((r) => r.actor === 'usa' && r.issue === 'elections');
    expect(ranges.map((r) => [r.field, r.effectiveLow, r.effectiveHigh])).toEqual([
      ['position', 45, 82.5],
      ['salience', 32.5, 77.5],
    ]);
    await expect.poll(async () => (await tableRows('effective-ranges')).find((r) => r[0] === 'United States' && r[1] === `position on ${stored.issues.find((i) => i.id === 'elections')!.title}`), { timeout: 90_000 }).toEqual([
      'United States',
      `position on ${stored.issues.find((i) => i.id === 'elections')!.title}`,
      '50–75',
      '45–82.5',
      '×1.5',
      ranges[0].reason,
    ]);
    await page.goto(`${bench.url}/#/case/${UKRAINE_CASE}/issue/elections?actor=usa`);
    const note = page.getByTestId('edit-estimate').getByTestId('effective-range');
    await expect.poll(() => note.textContent(), { timeout: 90_000 }).toMatch(/^Monte Carlo draws the position from 45–82\.5, not the stated 50–75: its range is widened ×1\.5 because of its evidence \(best evidence graded ×1\.5\)\.Monte Carlo draws the salience from 32\.5–77\.5, not the stated 40–70/);
    expect(await axeViolations(page, '[data-testid=edit-estimate]'), 'estimate editor with the effective range').toEqual({});
    await page.getByTestId('edit-estimate').screenshot({ path: join(shots, 'ukraine-edit-estimate-effective-range.png') });
    // Ukraine's stance on elections also cites an ungraded item (its best evidence): no note.
    await page.getByTestId('edit-estimate').getByLabel('Actor').selectOption('ukraine');
    await expect(note.count()).resolves.toBe(0);
    expect(pageErrors).toEqual([]);
  }, 300_000);

  it('a retraction is struck through and said in words, and the item stops counting', async () => {
    await page.goto(`${bench.url}/#/case/${UKRAINE_CASE}/evidence?issue=elections`);
    await page.getByRole('button', { name: `Edit grades of evidence ${GRADED}` }).click();
    const form = page.getByTestId(`grades-${GRADED}`);
    await form.getByLabel('Retracted', { exact: true }).check();
    await form.getByLabel('Retracted on').fill('2025-12-11');
    await form.getByLabel('Retraction note').fill('the quote was misattributed');
    await form.getByRole('button', { name: 'Save grades' }).click();
    await form.waitFor({ state: 'detached' });
    const item = page.getByTestId('evidence-list').locator(':scope > li').filter({ has: page.getByRole('button', { name: `Edit grades of evidence ${GRADED}` }) });
    await expect.poll(() => item.getByTestId('evidence-retracted').textContent()).toBe(' · Retracted on 2025-12-11: the quote was misattributed');
    await expect(item.locator('blockquote s').count()).resolves.toBe(1);
    await item.screenshot({ path: join(shots, 'ukraine-evidence-retracted-item.png') });
    const stored = (await getCase()).c;
    expect(stored.evidence.find((e) => e.id === GRADED)!.retracted).toEqual({ date: '2025-12-11', note: 'the quote was misattributed' });
    // The United States on elections now cites nothing that counts: factor 3 (UNSUPPORTED_FACTOR), gap 3 / 1.
    const usa = research(stored).items.find((x) => x.actor === 'usa' && x.issue === 'elections' && x.field === 'position')!;
    expect(usa).toMatchObject({ counted: 0, cited: 1, factor: 3, gap: 3, reason: '0 of 1 cited count; all cited evidence retracted or not accepted' });
  }, 120_000);

  it('Build adds an evidence item with its grades; a bad link is refused on its field and nothing is stored', async () => {
    const before = await getCase();
    await page.goto(`${bench.url}/#/case/${UKRAINE_CASE}/build`);
    await page.getByRole('button', { name: 'Add an evidence item' }).click();
    const form = page.getByTestId('add-evidence');
    // A required field's label ends in " *".
    const field = (label: string) => form.getByLabel(new RegExp(`^${label}( \\*)?$`));
    await field('Evidence id').fill('ev-h8-wire');
    await field('Kind').selectOption('report');
    await field('Text').fill('A wire report that the talks in Miami will resume on Monday.');
    await field('Date reported').fill('2025-12-12');
    await field('Link').fill('ftp://example.org/wire');
    await field('Source reliability').selectOption('E');
    await field('Information credibility').selectOption('5');
    await field('Independent outlets').fill('1');
    await form.getByRole('button', { name: 'Add evidence item' }).click();
    await expect(form.getByTestId('error-url').textContent()).resolves.toMatch(/^Link: /);
    const after = await getCase();
    expect(after.etag).toBe(before.etag);
    expect(after.c.evidence.some((e) => e.id === 'ev-h8-wire')).toBe(false);
    await field('Link').fill('https://example.org/wire');
    await form.getByRole('button', { name: 'Add evidence item' }).click();
    await page.getByRole('status').filter({ hasText: 'Added the evidence item.' }).waitFor();
    const stored = (await getCase()).c.evidence.find((e) => e.id === 'ev-h8-wire');
    expect(stored).toEqual({ id: 'ev-h8-wire', kind: 'report', text: 'A wire report that the talks in Miami will resume on Monday.', date: '2025-12-12', url: 'https://example.org/wire', issues: [], status: 'accepted', reliability: 'E', credibility: 5, outlets: 1 });
    await expect(page.getByTestId('build-evidence').textContent()).resolves.toContain('“A wire report that the talks in Miami will resume on Monday.” (E5, accepted)');
  }, 120_000);

  it('axe: no serious violation on the research view and the grade form; nothing scrolls sideways at 390 px', async () => {
    const settle = async () => {
      await page.waitForFunction(() => !/Loading/.test(document.querySelector('main')?.textContent ?? '') && !document.querySelector('main [data-testid=job-progress]:not([data-kind=simulate])'), undefined, { timeout: 90_000 });
      await page.waitForTimeout(200);
    };
    for (const size of [
      { name: 'desktop', width: 1440, height: 900 },
      { name: 'phone', width: 390, height: 844 },
    ]) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.goto(`${bench.url}/#/case/${UKRAINE_CASE}/research`);
      await page.getByTestId('research-table').locator('tbody tr').first().waitFor();
      await settle();
      expect(await axeViolations(page), `research view at ${size.width}px`).toEqual({});
      await page.screenshot({ path: join(shots, `ukraine-research-${size.name}.png`) });
      if (size.width === 390) expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

      await page.goto(`${bench.url}/#/case/${UKRAINE_CASE}/evidence?issue=elections`);
      await page.getByRole('button', { name: `Edit grades of evidence ${GRADED}` }).click();
      await page.getByTestId(`grades-${GRADED}`).waitFor();
      expect(await axeViolations(page, 'main'), `evidence grade form at ${size.width}px`).toEqual({});
      if (size.width === 390) expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    }
  }, 240_000);
});
