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
    const compromise = json.models.find((s: { model: string }) => s.model === 'compromise');
    expect(compromise.n).toBe(4);
    expect(compromise.mae).toBeCloseTo(errs.reduce((a, b) => a + b) / 4, 10);
    expect(compromise.medianAe).toBeCloseTo((errs[0] + errs[1]) / 2, 10);
    expect(compromise.rmse).toBeCloseTo(Math.sqrt(errs.reduce((a, b) => a + b * b, 0) / 4), 10);
    expect(Object.keys(compromise)).toEqual(['model', 'n', 'mae', 'medianAe', 'rmse', 'coverage50', 'coverage90', 'crps', 'maeInterval', 'medianAeInterval', 'rmseInterval', 'coverage50Interval', 'coverage90Interval', 'crpsInterval']);
    // The bootstrap interval of the MAE lies within the smallest and largest error and holds the MAE.
    expect(compromise.maeInterval[0]).toBeGreaterThanOrEqual(0);
    expect(compromise.maeInterval[0]).toBeLessThanOrEqual(compromise.mae);
    expect(compromise.maeInterval[1]).toBeGreaterThanOrEqual(compromise.mae);
    expect(compromise.maeInterval[1]).toBeLessThanOrEqual(15);
    expect(json.method).toBe('shipped');
    const lines = readFileSync(csv, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('case,issue,title,outcome,compromise_forecast,median_forecast,compromise_ae,median_ae');
    expect(lines).toHaveLength(5);
    const t02i1 = lines[3].split(',');
    expect(t02i1.slice(0, 4)).toEqual(['t02', 't02i1', 'sample beta: t02i1', '80']);
    expect(Number(t02i1[4])).toBeCloseTo(65, 10);
    expect(Number(t02i1[6])).toBeCloseTo(15, 10);

    const table = await runCli('backtest', referencePath('deu/deu3_format_sample_synthetic.csv'), '--models', 'compromise');
    expect(table.stdout).toMatch(/4 issues with a known outcome \(1 without one skipped\)/);
    expect(table.stdout).toMatch(/compromise\s+4\s+8\.04\s+\S+\s+8\.57\s+9\.70/);
  });

  it('--format csv: one row per model with each metric and its interval', async () => {
    const r = await runCli('backtest', referencePath('deu/deu3_format_sample_synthetic.csv'), '--models', 'compromise,status-quo', '--format', 'csv');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('model,n,mae,mae_lo,mae_hi,medianAe,medianAe_lo,medianAe_hi,rmse,rmse_lo,rmse_hi,coverage50,coverage50_lo,coverage50_hi,coverage90,coverage90_lo,coverage90_hi,crps,crps_lo,crps_hi');
    // status quo: t01i1 0 vs 50, t01i2 50 vs 40, t02i1 50 vs 80, t03i1 50 vs 50 → MAE (50 + 10 + 30 + 0)/4 = 22.5.
    const sq = lines.find((l) => l.startsWith('status-quo,'))!.split(',');
    expect(Number(sq[1])).toBe(4);
    expect(Number(sq[2])).toBeCloseTo(22.5, 10);
  });

  it('exit 2 for --folds beyond the number of proposals, or --folds with --calibration', async () => {
    const sample = referencePath('deu/deu3_format_sample_synthetic.csv');
    const r = await runCli('backtest', sample, '--folds', '9');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/folds must be an integer from 2 to the number of proposals with an outcome \(3\), got 9/);
    expect((await runCli('backtest', sample, '--folds', '2', '--calibration', sample)).code).not.toBe(0);
  });

  it('exit 1 when nothing has an outcome, 2 for an unknown model', async () => {
    const r = await runCli('backtest', referencePath('bdm/ExampleActors.csv'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no issue records an actual outcome');
    expect((await runCli('backtest', referencePath('deu/deu3_format_sample_synthetic.csv'), '--models', 'oracle')).code).toBe(2);
  });
});

describeWithReference('backtest on the real DEU III training file', () => {
  it('--folds 5: out-of-fold 90 % coverage within 85–95 % and 50 % within 45–55 % for every model, status-quo and ensemble included', async () => {
    const r = await runCli('backtest', referencePath('deu/deu3_train.tsv'), '--folds', '5', '--format', 'json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.method).toBe('cross-validation');
    const names = json.models.map((m: { model: string }) => m.model);
    expect(names).toEqual(['compromise', 'median', 'nash', 'bdm', 'smp', 'exchange', 'status-quo', 'ensemble']);
    for (const m of json.models) {
      expect(m.n, m.model).toBe(234);
      expect(m.coverage90, m.model).toBeGreaterThanOrEqual(0.85);
      expect(m.coverage90, m.model).toBeLessThanOrEqual(0.95);
      expect(m.coverage50, m.model).toBeGreaterThanOrEqual(0.45);
      expect(m.coverage50, m.model).toBeLessThanOrEqual(0.55);
      // A proper score of a spread-out forecast is below its absolute error.
      expect(m.crps, m.model).toBeLessThan(m.mae);
    }
    // Issue 11: the ensemble (weights and snap radius fitted out of fold, nested) beats the best
    // single model out of fold: 22.58 against the compromise model's 23.49 (docs/backtest.md); the
    // goal of 22.0 is not reached, so it is not asserted.
    const mae = Object.fromEntries(json.models.map((m: { model: string; mae: number }) => [m.model, m.mae]));
    const bestSingle = Math.min(...names.filter((n: string) => n !== 'ensemble').map((n: string) => mae[n]));
    expect(mae.ensemble).toBeLessThan(bestSingle - 0.5);
    expect(mae.ensemble).toBeLessThan(22.99);
    for (const e of json.ensemble) expect(e.snap, `fold ${e.fold}`).toBeGreaterThan(0);
    expect(mae['status-quo']).toBeGreaterThan(40);
    // Folds never split a proposal.
    const foldOf = new Map<string, number>();
    for (const i of json.issues) {
      expect(foldOf.get(i.case) ?? i.fold).toBe(i.fold);
      foldOf.set(i.case, i.fold);
    }
  }, 120_000);
});
