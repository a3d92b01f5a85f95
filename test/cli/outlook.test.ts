import { describe, expect, it } from 'vitest';
import { runCli } from './run.ts';

const ukraine = 'examples/ukraine-2025.yaml';

describe('parley forecast --by', () => {
  it('prints the Outlook as JSON: the default model at the top, every model under models', async () => {
    const r = await runCli('forecast', ukraine, '--by', '2026-06-30', '--model', 'compromise,status-quo', '--runs', '200', '--seed', '5', '--format', 'json');
    expect(r.code).toBe(0);
    const o = JSON.parse(r.stdout);
    expect(o.model).toBe('compromise');
    expect(o.agreement.by).toBe('2026-06-30');
    expect(o.agreement.probability).toBeGreaterThan(0);
    expect(o.agreement.probability).toBeLessThan(0.05);
    expect(o.models.map((m: { model: string }) => m.model)).toEqual(['compromise', 'status-quo']);
    const donbas = o.issues.find((i: { issue: string }) => i.issue === 'donbas');
    expect(donbas.interval90).toEqual([0, 0]);
    expect(o.runs).toBe(200);
    expect(o.seed).toBe(5);
    expect(o.agreementBasis.issues.find((i: { issue: string }) => i.issue === 'sanctions').rule).toBe('single');
  });

  it('shows the probability, its basis and per model the terms, expected outcome and intervals', async () => {
    const r = await runCli('forecast', ukraine, '--by', '2026-06-30', '--model', 'compromise', '--runs', '200');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Probability of an agreement by 2026-06-30: \d/);
    expect(r.stdout).toContain('base rate for war');
    expect(r.stdout).toMatch(/if agreed +expected +50 % interval +90 % interval/);
  });

  it('refuses a horizon before the case date, and a malformed date', async () => {
    expect((await runCli('forecast', ukraine, '--by', '2025-01-01', '--runs', '50', '--model', 'compromise')).code).not.toBe(0);
    expect((await runCli('forecast', ukraine, '--by', '30-06-2026')).code).toBe(2);
  });
});
