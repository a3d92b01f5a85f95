import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildReport, sourcesOf } from '../../src/analysis/report.ts';
import { nodeDocument } from '../../src/charts/node-document.ts';
import { loadCaseFile } from '../../src/case/load.ts';
import { parse, threeActors } from './cases.ts';

const opts = { document: nodeDocument(), runs: 100, seed: 1, workers: 1, generatedAt: new Date('2026-12-01T10:00:00Z') };

describe('the report opens with its findings and ends with its sources', () => {
  it('states the generation and as-of dates, then the findings: the chance of a deal, who blocks what, the latest draft', async () => {
    const md = await buildReport(parse(threeActors), { ...opts, models: ['compromise'], format: 'md', asOf: '2025-12-01' });
    const lines = md.split('\n');
    expect(lines[0]).toBe('# parley report: Three actors');
    expect(md).toContain('Generated 2026-12-01. As of 2025-12-01: only what the case records up to that date is used.');
    const findings = md.slice(md.indexOf('## Key findings'), md.indexOf('## Zone of agreement'));
    // The findings come before every analysis section.
    expect(md.indexOf('## Key findings')).toBeLessThan(md.indexOf('## Zone of agreement'));
    expect(findings).toMatch(/- Chance of an agreement by 2026-06-01: \d/);
    // Worked out by hand in analysis.test: on Territory, Beta's minimum 60 must come down to 40 (20 units).
    expect(findings).toContain("- No package respects every veto holder's red lines: they do not overlap on Territory.");
    expect(findings).toContain('- Territory: Beta would have to move its red line by 20 in all (scale units) to open a zone.');
    expect(findings).toMatch(/- The latest draft, Second draft \(2025-11-2\d\), crosses/);
    expect(findings).toMatch(/- From First draft to Second draft: \d+ points? changed; /);
    // Names, never ids, in the findings.
    expect(findings).not.toMatch(/\b(a|b|c|x|y)\b (would|gains|loses)/);
  });

  it('lists each cited URL once, with its outlet, dates and the evidence resting on it, as links', async () => {
    const c = parse({
      ...threeActors,
      evidence: [
        { id: 'e1', kind: 'quote', text: 'We will not cede land.', speaker: 'Beta official', actor: 'b', date: '2025-11-01', outlet: 'Wire <One>', url: 'https://news.example/a?x=1&y=2' },
        { id: 'e2', kind: 'report', text: 'Talks resumed.', date: '2025-11-03', outlet: 'Wire <One>', url: 'https://news.example/a?x=1&y=2' },
        { id: 'e3', kind: 'report', text: 'A leak.', date: '2025-11-04', url: 'https://other.example/b', status: 'candidate' },
        { id: 'e4', kind: 'report', text: 'No link.', date: '2025-11-05' },
      ],
    });
    expect(sourcesOf(c)).toEqual([
      { url: 'https://news.example/a?x=1&y=2', label: 'Wire <One>, 2025-11-01, 2025-11-03; evidence e1, e2' },
      { url: 'https://other.example/b', label: 'source, 2025-11-04; evidence e3 (candidate)' },
    ]);
    const html = await buildReport(c, { ...opts, models: ['compromise'], format: 'html' });
    expect(html).toContain('<h2>Sources</h2>');
    expect(html).toContain('<li>Wire &lt;One&gt;, 2025-11-01, 2025-11-03; evidence e1, e2: <a href="https://news.example/a?x=1&amp;y=2" rel="noopener noreferrer nofollow">https://news.example/a?x=1&amp;y=2</a></li>');
    const md = await buildReport(c, { ...opts, models: ['compromise'], format: 'md' });
    expect(md).toContain('1. Wire &lt;One&gt;, 2025-11-01, 2025-11-03; evidence e1, e2: <https://news.example/a?x=1&y=2>');
    expect(md).toContain('2. source, 2025-11-04; evidence e3 (candidate): <https://other.example/b>');
  });

  it('the Ukraine case: findings first, every issue and actor by name, anchor labels, every evidence URL', async () => {
    const c = await loadCaseFile('examples/ukraine-2025.yaml');
    const html = await buildReport(c, { ...opts, runs: 60, format: 'html' });
    const body = html.slice(html.indexOf('<body>'));
    const findingsAt = body.indexOf('<h2>Key findings</h2>');
    expect(findingsAt).toBeGreaterThan(0);
    expect(findingsAt).toBeLessThan(body.indexOf('<h2>Zone of agreement</h2>'));
    const findings = body.slice(findingsAt, body.indexOf('<h2>Zone of agreement</h2>'));
    expect(findings).toContain("No package respects every veto holder&#39;s red lines");
    const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
    for (const i of c.issues) expect(body, i.id).toContain(esc(i.title));
    for (const a of c.actors) expect(body, a.id).toContain(esc(a.name));
    // The zone table names issues, not ids: no row starts with an issue id.
    for (const i of c.issues) expect(body).not.toContain(`<tr><td>${i.id}</td>`);
    // Anchor labels: the where-a-deal-lands table says in words where each value lies.
    const anchored = c.issues.filter((i) => i.scale.anchors.length >= 2);
    expect(anchored.length).toBeGreaterThan(5);
    const labelled = anchored.filter((i) => i.scale.anchors.some((a) => findings.includes(esc(a.label))));
    expect(labelled.length).toBeGreaterThan(anchored.length / 2);
    // Every evidence URL, as a link.
    const urls = [...new Set(c.evidence.flatMap((e) => (e.url ? [e.url] : [])))];
    expect(urls.length).toBeGreaterThan(50);
    for (const u of urls) expect(body, u).toContain(`href="${esc(u)}"`);
    expect(body).toContain('Generated 2026-12-01.');
  });
});
