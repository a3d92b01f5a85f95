/** The report's Deal section: one line per draft and package on who blocks it (`parley power`), names not ids. */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/analysis/report.ts';
import { nodeDocument } from '../../src/charts/node-document.ts';
import { loadCaseFile } from '../../src/case/load.ts';

const opts = { document: nodeDocument(), runs: 20, seed: 1, workers: 1, models: ['compromise'], generatedAt: new Date('2026-12-01T10:00:00Z'), format: 'md' as const };
const dealOf = (md: string) => md.slice(md.indexOf('## Deal'), md.indexOf('## Forecasts under uncertainty'));

describe('the report: who blocks each draft and package', () => {
  it('Ukraine: each draft, with the veto holder or the EU as sole decider on sanctions and assets', async () => {
    const deal = dealOf(await buildReport(await loadCaseFile('examples/ukraine-2025.yaml'), opts));
    const at = deal.indexOf('Who blocks each draft and package');
    expect(at).toBeGreaterThan(deal.indexOf('Who can block: power indices'));
    const lines = deal.slice(at).split('\n').filter((l) => l.startsWith('- ')).slice(0, 4);
    expect(lines).toEqual([
      '- The US 28-point plan: blocked by Ukraine (veto) or European Union (decides Sanctions relief for Russia and Frozen Russian sovereign assets alone).',
      '- The E3 counter-proposal: blocked by Russia (veto).',
      '- The Geneva revision (about 19 points): blocked by Ukraine (veto).',
      '- The 20-point US-Ukraine draft: blocked by Russia (veto).',
    ]);
  });
  it('tutorial: the mayor’s draft blocked, the packages opposed by actors who cannot block them', async () => {
    const deal = dealOf(await buildReport(await loadCaseFile('examples/tutorial.yaml'), opts));
    const lines = deal.slice(deal.indexOf('Who blocks each draft and package')).split('\n').filter((l) => l.startsWith('- ')).slice(0, 4);
    expect(lines[0]).toBe("- The mayor's draft budget: blocked by Ratepayers' Association (veto).");
    expect(lines.slice(1)).toEqual(
      ['max-min gain', 'Nash product', 'Kalai-Smorodinsky'].map((k) => `- Package (${k}): not blocked: Millbrook Greens and Millbrook Labour are against it but cannot block it.`),
    );
  });
});
