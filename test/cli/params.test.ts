/**
 * Every parameter of every engine set from the command line (src/cli/model-params.ts): it reaches
 * the engine (the same result as the engine called with it), a bad value is wrong usage naming the
 * parameter, and `parley forecast` takes several inputs.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forecastCase } from '../../src/analysis/forecast.ts';
import { forecastToJson } from '../../src/analysis/forecast-json.ts';
import type { Case } from '../../src/case/schema.ts';
import { loadCaseFile } from '../../src/case/load.ts';
import { asText, badValues, everyParam, otherValue, ownFlag, paramsCase } from '../engines/params-values.ts';
import { runCli } from './run.ts';

const dir = mkdtempSync(join(tmpdir(), 'parley-params-'));
const file = join(dir, 'params.json');
writeFileSync(file, JSON.stringify(paramsCase));

const forecastJson = async (...args: string[]) => {
  const r = await runCli('forecast', file, '--format', 'json', ...args);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};

const cases = everyParam.map(([model, spec]) => [model, spec.name, spec] as const);

describe('every engine parameter from the CLI', () => {
  it.each(cases)('%s %s: the flag reaches the engine', async (model, _name, spec) => {
    const value = otherValue(spec);
    const [cli] = await forecastJson('--model', model, `${ownFlag(model, spec)}=${asText(value)}`);
    const c = (await loadCaseFile(file)) as Case;
    const direct = forecastCase(c, { models: [model], modelParams: { [model]: { [spec.name]: value } } });
    expect(cli).toEqual(JSON.parse(JSON.stringify(forecastToJson(direct.input, direct.results[0]))));
    // Where the engine reports the parameter, it reports the value set.
    if (spec.name in cli.params && !(model === 'exchange' && spec.name === 'p') && !(model === 'nash' && spec.name === 'coalitionShare')) expect(cli.params[spec.name]).toEqual(value);
  });

  it.each(cases)('%s %s: a bad value is wrong usage (exit 2) naming the parameter', async (model, _name, spec) => {
    const { outOfRange, wrongType } = badValues(spec);
    for (const bad of [outOfRange, wrongType]) {
      const r = await runCli('forecast', file, '--model', model, `${ownFlag(model, spec)}=${asText(bad)}`);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(spec.name);
      expect(r.stdout).toBe('');
    }
  });

  it('a shared flag sets every chosen model that has it; a model’s own flag wins', async () => {
    const [bdm, exchange, smp] = await forecastJson('--model', 'bdm,exchange,smp', '--rounds', '3', '--exchange-rounds', '2');
    expect(bdm.params.rounds).toBe(3);
    expect(exchange.params.rounds).toBe(2);
    expect(smp.params.maxTurns).toBe(3); // smp reads rounds as maxTurns
    const [b2, e2] = await forecastJson('--model', 'bdm,exchange', '--variant', 'random', '--bdm-variant', 'reference');
    expect(b2.params.variant).toBe('reference');
    expect(e2.params.variant).toBe('random');
    const [s2] = await forecastJson('--model', 'smp', '--rounds', '9', '--max-turns', '4');
    expect(s2.params.maxTurns).toBe(4);
  });

  it('per-model ranges: --rounds 0 is fine for bdm and not for smp (maxTurns ≥ 1)', async () => {
    expect((await forecastJson('--model', 'bdm', '--rounds', '0'))[0].params.rounds).toBe(0);
    const r = await runCli('forecast', file, '--model', 'smp', '--rounds', '0');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('smp: maxTurns must be an integer in [1, 100000], got 0');
  });

  it('--help lists every parameter under its heading with its range and default', async () => {
    const r = await runCli('forecast', '--help');
    expect(r.stdout).toContain('Model parameters (docs/parameters.md):');
    for (const [model, spec] of everyParam) expect(r.stdout.replace(/\s+/g, ' ')).toContain(ownFlag(model, spec));
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('[0, 1]; default 1');
  });

  it('the Monte Carlo commands take the model parameters but keep --seed for the simulation', async () => {
    // No estimate has a range: every run is the point forecast, so the median is the direct forecast.
    const c = (await loadCaseFile(file)) as Case;
    const direct = forecastCase(c, { models: ['nash'], modelParams: { nash: { rule: 'coalition', utility: 'quadratic' } } }).results[0].outcome;
    expect(direct).not.toEqual(forecastCase(c, { models: ['nash'] }).results[0].outcome);
    const r = await runCli('simulate', file, '--runs', '5', '--seed', '4', '--workers', '1', '--model', 'nash', '--rule', 'coalition', '--utility', 'quadratic', '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    const sim = JSON.parse(r.stdout);
    expect(sim.seed).toBe(4);
    expect([sim.quantiles.nash.p.p50, sim.quantiles.nash.q.p50]).toEqual(direct);
    const bad = await runCli('simulate', file, '--runs', '5', '--workers', '1', '--model', 'bdm', '--q', '2');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bdm: q must be a number in [0, 1], got 2');
    const tl = await runCli('timeline', file, '--model', 'bdm', '--bdm-rounds', '-1');
    expect(tl.code).toBe(2);
  });
});

describe('parley forecast with several inputs', () => {
  const second = join(dir, 'second.json');
  writeFileSync(second, JSON.stringify({ ...paramsCase, id: 'second', title: 'Second' }));

  it('json: an array of { file, models }; one input prints as before', async () => {
    const many = await forecastJson(second, '--model', 'compromise,median');
    expect(many.map((x: { file: string }) => x.file)).toEqual([file, second]);
    const one = await forecastJson('--model', 'compromise,median');
    expect(many[0].models).toEqual(one);
    expect(many[1].models.map((m: { model: string }) => m.model)).toEqual(['compromise', 'median']);
  });

  it('table: one section per file; csv: a file column', async () => {
    const t = await runCli('forecast', file, second, '--model', 'compromise');
    expect(t.code).toBe(0);
    expect(t.stdout).toContain(`== ${file} ==\nParameters: forecasts by model`);
    expect(t.stdout).toContain(`== ${second} ==\nSecond: forecasts by model`);
    const csv = await runCli('forecast', file, second, '--model', 'compromise', '--format', 'csv');
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe('file,model,issue,title,outcome,nearest_anchor');
    expect(lines).toHaveLength(1 + 2 * 2);
    expect(lines[3].startsWith(`${second},compromise,p,P,`)).toBe(true);
  });

  it('a bad input is reported with its location, the others still run, exit 1', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'Actor,Capability,Position,Salience\nA,1,5,0.5\nB,x,7,0.5\n');
    const r = await runCli('forecast', file, bad, second, '--model', 'compromise', '--format', 'json');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${bad}:3:3: Capability: capability must be a number, got "x"`);
    expect(r.stderr).toContain('1 of 3 inputs could not be forecast');
    expect(JSON.parse(r.stdout).map((x: { file: string }) => x.file)).toEqual([file, second]);
    // Wrong usage stops before any input is read.
    const usage = await runCli('forecast', file, second, '--q', '7');
    expect(usage.code).toBe(2);
    expect(usage.stdout).toBe('');
  });
});
