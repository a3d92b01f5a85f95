import { describe, expect, it } from 'vitest';
import { buildReport, escapeMarkdown, escapeMarkdownInline } from '../../src/analysis/report.ts';
import { nodeDocument } from '../../src/charts/node-document.ts';
import { forecastOutlook } from '../../src/analysis/outlook.ts';
import { intervalText, pct } from '../../src/analysis/outlook-text.ts';
import { parse, threeActors, withHistory } from './cases.ts';

const hostile = parse({
  ...threeActors,
  title: 'Talks <script>alert("t")</script>',
  description: '<img src=x onerror=alert(1)> and [a link](javascript:alert(2))',
  actors: threeActors.actors!.map((a) => (a.id === 'b' ? { ...a, name: '<b onmouseover=alert(3)>Beta</b>' } : a)),
  drafts: threeActors.drafts!.map((d) => (d.id === 'd2' ? { ...d, points: d.points!.map((p, i) => (i === 2 ? { ...p, text: 'Guarantees <iframe src=//evil>' } : p)) } : d)),
});
const opts = { document: nodeDocument(), runs: 200, seed: 1, workers: 1, models: ['compromise'] };

describe('buildReport', () => {
  it('writes a self-contained HTML page with every section, its charts, and every case text escaped', async () => {
    const html = await buildReport(hostile, { ...opts, format: 'html' });
    expect(html.startsWith('<!doctype html>')).toBe(true);
    for (const h of ['Zone of agreement', 'Drafts', 'What changed from First draft to Second draft', 'Forecasts under uncertainty (Monte Carlo)', 'Sensitivity', 'Scenarios', 'Timeline']) expect(html).toContain(h);
    // Two position maps, the quantile chart and the tornado (the case has no dated stances: no timeline chart).
    expect(html.match(/<div class="chart">/g)?.length).toBe(4);
    expect(html).not.toMatch(/<(script|img|iframe|b )/i);
    expect(html).toContain('Talks &lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<ins>Guarantees &lt;iframe src=//evil&gt;</ins>');
    // No element loads anything: no tag carries a src or href.
    expect(html).not.toMatch(/<[a-z][^>]*\s(src|href)=/i);
    // The hand-computed findings appear: the x zone is empty, b's line must move from 60 to 40.
    expect(html).toContain('&lt;b onmouseover=alert(3)&gt;Beta&lt;/b&gt; min 60→40 (20)');
  });

  it('writes Markdown with tables, inline SVG on one line each, and markup in case text neutralized', async () => {
    const md = await buildReport(hostile, { ...opts, format: 'md' });
    expect(md.startsWith('# parley report: Talks &lt;script&gt;alert("t")&lt;/script&gt;')).toBe(true);
    expect(md).toContain('\\[a link\\](javascript:alert(2))');
    expect(md).toContain('| issue | scale | zone (veto holders) |');
    const svgLines = md.split('\n').filter((l) => l.startsWith('<svg') || l.startsWith('<figure'));
    expect(svgLines.length).toBe(4);
    expect(md).not.toMatch(/<(script|img|iframe|b )/i);
  });

  it('escapes Markdown markup characters and folds line breaks', () => {
    expect(escapeMarkdown('a|b *c* <d>\nnext')).toBe('a\\|b \\*c\\* &lt;d&gt; next');
    expect(escapeMarkdown('# not a heading')).toBe('\\# not a heading');
    expect(escapeMarkdown('1. not a list')).toBe('1\\. not a list');
    expect(escapeMarkdown('- not an item')).toBe('\\- not an item');
    expect(escapeMarkdownInline('34.19')).toBe('34.19');
  });

  it("checks drafts against the red lines of each draft's date, or with against: latest against today's, and says which", async () => {
    const history = parse(withHistory());
    const md = await buildReport(history, { ...opts, runs: 20, format: 'md' });
    expect(md).toContain("Each draft is checked against the red lines and stances in force on the draft's own date.");
    expect(md).toContain('red lines crossed (red lines in force on its date, 2025-11-20)**');
    expect(md).toContain('| 1 | Territory | 70 | Alpha | yes | max 40 | 30 |');
    const latest = await buildReport(history, { ...opts, runs: 20, format: 'md', against: 'latest' });
    expect(latest).toContain('Every draft is checked against the latest red lines and stances, whatever its date.');
    expect(latest).toContain('| 1 | Territory | 70 | Gamma | yes | max 60 | 10 |');
    expect(latest).not.toContain('| 1 | Territory | 70 | Alpha | yes | max 40 | 30 |');
  });

  it('says whether there will be a deal by a date: the outlook\'s probability and, per model, the terms if agreed, expected outcome and intervals beside the status quo', async () => {
    const history = parse(withHistory());
    const md = await buildReport(history, { ...opts, models: ['compromise', 'status-quo'], runs: 300, format: 'md' });
    // Default horizon: six months after the case's latest date (d2, 2025-11-24).
    const o = await forecastOutlook(history, { by: '2026-05-24', runs: 300, seed: 1, models: ['compromise', 'status-quo'] });
    expect(md).toContain('## Will there be a deal?');
    expect(md).toContain(`Probability of an agreement by 2026-05-24 (six months after the clock starts; choose the date with --by): ${pct(o.agreement.probability)}, the same for every model.`);
    expect(md).toContain('from 2025-11-24');
    expect(md).toContain('**compromise (default): terms if agreed, expected outcome and intervals by 2026-05-24**');
    expect(md).toContain('| issue | status quo (no deal) | if agreed | expected | 50 % interval | 90 % interval |');
    const two = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(2));
    for (const i of o.models[0].issues) {
      const title = history.issues.find((x) => x.id === i.issue)!.title;
      expect(md).toContain(`| ${title} | ${two(i.statusQuo)} | ${two(i.ifAgreed)} | ${two(i.expected)} | ${intervalText(i.interval50)} | ${intervalText(i.interval90)} |`);
    }
    // The no-deal model is the status-quo column, not a table of its own.
    const section = md.slice(md.indexOf('## Will there be a deal?'), md.indexOf('## Sensitivity'));
    expect(section).toContain('**compromise (default)');
    expect(section).not.toContain('**status-quo');
    // A date of one's own; one before the clock starts is refused with the date in the message.
    const later = await buildReport(history, { ...opts, runs: 50, format: 'html', by: '2030-01-01' });
    expect(later).toContain('Probability of an agreement by 2030-01-01: ');
    await expect(buildReport(history, { ...opts, runs: 50, format: 'md', by: '2025-01-01' })).rejects.toThrow(/2025-01-01 is before the as-of date 2025-11-24/);
  });
});
