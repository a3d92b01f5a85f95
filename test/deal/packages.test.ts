import { describe, it, expect } from 'vitest';
import highsLoader from 'highs';
import { loadCaseFile } from '../../src/case/load.ts';
import { findPackages, type LpSolver } from '../../src/deal/packages.ts';

const solver = (await (highsLoader as unknown as () => Promise<LpSolver>)());

describe('findPackages on the example cases', () => {
  it('Ukraine: no package satisfies every veto holder, and the empty issues are named', async () => {
    const r = findPackages(await loadCaseFile('examples/ukraine-2025.yaml'), solver);
    expect(r.feasible).toBe(false);
    expect(r.packages).toEqual([]);
    expect(r.emptyIssues.length).toBeGreaterThan(0);
  });
  it('tutorial: a max-min package whose minimum gain is not below any frontier point', async () => {
    const r = findPackages(await loadCaseFile('examples/tutorial.yaml'), solver);
    expect(r.feasible).toBe(true);
    const mm = r.packages.find((p) => p.kind === 'maxmin')!;
    expect(mm).toBeDefined();
    const minGain = Math.min(...Object.values(mm.gains));
    for (const f of r.frontier) expect(Math.min(...Object.values(f.gains))).toBeLessThanOrEqual(minGain + 1e-6);
  });
});
