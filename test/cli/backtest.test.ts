import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarizeErrors } from '../../src/analysis/backtest.ts';
import { describeWithReference, referencePath } from '../helpers/reference.ts';
import { runCli } from './run.ts';

describe('summarizeErrors', () => {
  it('mean, median and root mean square (hand-computed)', () => {
    // |errors| 3, 4, 0, 1: mean 2, median (1 + 3)/2 = 2, RMSE √(26/4).
    expect(summarizeErrors([3, 4, 0, 1])).toEqual({ n: 4, meanAbsoluteError: 2, medianAbsoluteError: 2, rootMeanSquaredError: Math.sqrt(26 / 4) });
    expect(summarizeErrors([5, 1, 9]).medianAbsoluteError).toBe(5);
    expect(summarizeErrors([]).meanAbsoluteError).toBeNaN();
  });
});

describeWithReference('backtest', () => {
  it('recomputes the published DEU III MAEs from the per-issue file (compromise 22.99, challenge 26.83)', () => {
    const rows = readFileSync(referencePath('deu/deu3_per_issue_outcomes_and_forecasts_schelling.csv'), 'utf8').trim().split('\n');
    const header = rows[0].split(',');
    const col = (name: string) => header.indexOf(name);
    const records = rows.slice(1).map((r) => r.split(','));
    expect(records).toHaveLength(351);
    const errors = (model: string) => records.map((r) => Math.abs(Number(r[col(`${model}_forecast`)]) - Number(r[col('outcome')])));
    expect(summarizeErrors(errors('compromise')).meanAbsoluteError.toFixed(2)).toBe('22.99');
    const challenge = summarizeErrors(errors('challenge')).meanAbsoluteError;
    expect(challenge).toBeGreaterThanOrEqual(26.83 - 0.005);
    expect(challenge).toBeLessThanOrEqual(27.94);
  });

  it('parley backtest on the DEU III sample: per-model errors (hand-computed) and the per-issue CSV', async () => {
    // Equal capabilities (29 each in the sample's actors), so compromise = salience-weighted mean:
    // t01i1 15000/350 = 42.857 vs 50; t01i2 50 vs 40; t02i1 13000/200 = 65 vs 80; t03i1 50 vs 50; t02i2 has no outcome.
    const errs = [50 - 15000 / 350, 10, 15, 0];
    const csv = join(mkdtempSync(join(tmpdir(), 'parley-backtest-')), 'issues.csv');
    const r = await runCli('backtest', referencePath('deu/deu3_format_sample_synthetic.csv'), '--models', 'compromise,median', '--format', 'json', '--csv', csv);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.skipped).toBe(1);
    const compromise = json.summary.find((s: { model: string }) => s.model === 'compromise');
    expect(compromise.n).toBe(4);
    expect(compromise.meanAbsoluteError).toBeCloseTo(errs.reduce((a, b) => a + b) / 4, 10);
    expect(compromise.medianAbsoluteError).toBeCloseTo((errs[0] + errs[1]) / 2, 10);
    expect(compromise.rootMeanSquaredError).toBeCloseTo(Math.sqrt(errs.reduce((a, b) => a + b * b, 0) / 4), 10);
    const lines = readFileSync(csv, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('case,issue,title,outcome,compromise_forecast,median_forecast,compromise_ae,median_ae');
    expect(lines).toHaveLength(5);
    const t02i1 = lines[3].split(',');
    expect(t02i1.slice(0, 4)).toEqual(['t02', 't02i1', 'sample beta: t02i1', '80']);
    expect(Number(t02i1[4])).toBeCloseTo(65, 10);
    expect(Number(t02i1[6])).toBeCloseTo(15, 10);

    const table = await runCli('backtest', referencePath('deu/deu3_format_sample_synthetic.csv'), '--models', 'compromise');
    expect(table.stdout).toMatch(/4 issues with a known outcome \(1 without one skipped\)/);
    expect(table.stdout).toMatch(/compromise\s+4\s+8\.04\s+8\.57\s+9\.70/);
  });

  it('exit 1 when nothing has an outcome, 2 for an unknown model', async () => {
    const r = await runCli('backtest', referencePath('bdm/ExampleActors.csv'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no issue records an actual outcome');
    expect((await runCli('backtest', referencePath('deu/deu3_format_sample_synthetic.csv'), '--models', 'oracle')).code).toBe(2);
  });
});
