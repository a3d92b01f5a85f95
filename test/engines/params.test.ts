/** The parameter tables (src/engines/params.ts) and the engines reading their defaults from them. */
import { describe, expect, it } from 'vitest';
import { engineParams, engines } from '../../src/engines/index.ts';
import {
  ParamError,
  checkParam,
  defaultsOf,
  kebabCase,
  paramsForModel,
  parseParamText,
  readParams,
  resolveParams,
  routeFlatParams,
  validateParams,
  type ParamSpec,
} from '../../src/engines/params.ts';
import { SmpParameterError } from '../../src/engines/smp.ts';
import { modelInput } from './input.ts';
import { badValues, everyParam, otherValue } from './params-values.ts';

const cases = everyParam.map(([model, spec]) => [model, spec.name, spec] as const);

// Three actors on two issues (c, positions, saliences), status quo 50 and 30.
const input = modelInput(
  [
    [2, [0, 10], [0.9, 0.2]],
    [1, [100, 100], [0.15, 0.85]],
    [1.5, [60, 40], [0.5, 0.6]],
  ],
  [50, 30],
);

describe('parameter tables', () => {
  it('every engine of the registry with parameters has a table, and the models read today are there', () => {
    expect(Object.keys(engineParams)).toEqual(expect.arrayContaining(['compromise', 'median', 'nash', 'bdm', 'smp', 'exchange']));
    const names = (m: string) => engineParams[m].map((s) => s.name);
    expect(names('bdm')).toEqual(['q', 'rounds', 'variant']);
    expect(names('exchange')).toEqual(['rounds', 'variant', 'p', 'seed', 'tieBreak', 'tieChoices', 'arithmetic']);
    expect(names('nash')).toEqual(['utility', 'rule', 'coalitionShare']);
    // KTAB's nine ModelParameters, then the run's options.
    expect(names('smp')).toEqual(['VictoryProbModel', 'VotingRule', 'PCEModel', 'StateTransitions', 'BigRRange', 'BigRAdjust', 'ThirdPartyCommit', 'InterVecBrgn', 'BargnModel', 'maxTurns', 'minTurns', 'seed', 'threads', 'lineShortcut']);
    expect(names('compromise')).toEqual([]);
  });

  it.each(cases)('%s %s: the default is a valid value, help and source are given', (_model, _name, spec) => {
    expect(checkParam(spec, spec.default)).toEqual(spec.default);
    expect(spec.help.length).toBeGreaterThan(10);
    expect(spec.source.length).toBeGreaterThan(3);
    expect(otherValue(spec)).not.toEqual(spec.default);
    expect(checkParam(spec, otherValue(spec))).toEqual(otherValue(spec));
  });

  it.each(cases)('%s %s: the engine runs on its table’s default as when the parameter is absent', (model, _name, spec) => {
    const absent = engines[model](input, {});
    const explicit = engines[model](input, { [spec.name]: spec.default });
    expect(explicit.outcome).toEqual(absent.outcome);
    expect(explicit.params).toEqual(absent.params);
  });

  it.each(cases)('%s %s: a value out of range or of the wrong type is refused by the engine, naming the parameter', (model, _name, spec) => {
    const { outOfRange, wrongType } = badValues(spec);
    for (const bad of [outOfRange, wrongType]) {
      expect(() => engines[model](input, { [spec.name]: bad })).toThrow(ParamError);
      expect(() => engines[model](input, { [spec.name]: bad })).toThrow(new RegExp(`^${model}: ${spec.name}\\b`));
    }
  });

  it('what the engines echo is what their table resolves', () => {
    expect(engines.bdm(input, { q: 0.5 }).params).toEqual(resolveParams('bdm', engineParams.bdm, { q: 0.5 }));
    expect(engines.nash(input, { rule: 'coalition', coalitionShare: 0.6 }).params).toEqual({ utility: 'linear', rule: 'coalition', coalitionShare: 0.6 });
    const { tieChoices: _t, ...exchangeEcho } = defaultsOf(engineParams.exchange);
    expect(engines.exchange(input, {}).params).toEqual({ ...exchangeEcho, p: 0 }); // equal gain is p = 0
    const smp = engines.smp(input, { VotingRule: 'prop', bigRAdjust: 'NoRA', rounds: 3 }).params;
    expect(smp).toMatchObject({ VotingRule: 'Proportional', BigRAdjust: 'No', maxTurns: 3 });
  });
});

describe('checking and parsing values', () => {
  const q = engineParams.bdm[0];
  const share = engineParams.nash[2];
  const tie = engineParams.exchange.find((s) => s.name === 'tieChoices')!;
  const vpm = engineParams.smp[0];

  it('messages name the model and the parameter and say what is allowed', () => {
    expect(() => checkParam(q, 1.5, 'bdm')).toThrow('bdm: q must be a number in [0, 1], got 1.5');
    expect(() => checkParam(share, 0, 'nash')).toThrow('nash: coalitionShare must be a number in (0, 1], got 0');
    expect(checkParam(share, 1, 'nash')).toBe(1);
    expect(() => checkParam(engineParams.bdm[1], 1.5, 'bdm')).toThrow('bdm: rounds must be an integer in [0, 100000], got 1.5');
    expect(() => checkParam(engineParams.bdm[2], 'x', 'bdm')).toThrow('bdm: variant must be "paper" or "reference", got "x"');
    expect(() => checkParam(vpm, 'Cubic', 'smp')).toThrow('smp: VictoryProbModel: unknown value "Cubic" (allowed: Linear, Square, Quartic, Octic, Binary)');
    expect(() => checkParam(tie, [0, 4], 'exchange')).toThrow('exchange: tieChoices must be a list of integers from 0 to 3, got [0,4]');
  });

  it('bounds are inclusive unless the table says otherwise', () => {
    expect(checkParam(q, 0)).toBe(0);
    expect(checkParam(q, 1)).toBe(1);
    expect(() => checkParam(q, -Number.EPSILON)).toThrow(ParamError);
    expect(() => checkParam(q, 1 + Number.EPSILON)).toThrow(ParamError);
    expect(() => checkParam(q, Number.NaN)).toThrow(ParamError);
    const rounds = engineParams.bdm[1];
    expect(checkParam(rounds, 0)).toBe(0);
    expect(() => checkParam(rounds, -1)).toThrow(ParamError);
  });

  it('enums: case-insensitive, with KTAB’s other spellings, stored in the canonical spelling', () => {
    const rule = engineParams.smp[1];
    expect(checkParam(rule, 'prop')).toBe('Proportional');
    expect(checkParam(rule, 'CUBIC')).toBe('Cubic');
    expect(checkParam(engineParams.smp[5], 'HalfRA')).toBe('Half');
  });

  it('text from a command line', () => {
    expect(parseParamText(q, ' 0.25 ')).toBe(0.25);
    expect(() => parseParamText(q, '')).toThrow(ParamError);
    expect(() => parseParamText(engineParams.bdm[1], '2.0')).toThrow(/rounds must be an integer/);
    expect(parseParamText(tie, '0, 1,3')).toEqual([0, 1, 3]);
    expect(parseParamText(tie, '')).toEqual([]);
    expect(() => parseParamText(tie, '0;1')).toThrow('tieChoices must be comma-separated integers 0–3, e.g. 0,1,1,0, got "0;1"');
    const shortcut = engineParams.smp.find((s) => s.name === 'lineShortcut')!;
    expect(parseParamText(shortcut, 'false')).toBe(false);
    expect(parseParamText(shortcut, 'ON')).toBe(true);
    expect(() => parseParamText(shortcut, 'perhaps')).toThrow('lineShortcut must be true or false, got "perhaps"');
  });

  it('kebab case of the names', () => {
    expect(['VictoryProbModel', 'BigRRange', 'PCEModel', 'InterVecBrgn', 'tieBreak', 'coalitionShare', 'q', 'maxTurns'].map(kebabCase)).toEqual([
      'victory-prob-model',
      'big-r-range',
      'pce-model',
      'inter-vec-brgn',
      'tie-break',
      'coalition-share',
      'q',
      'max-turns',
    ]);
  });

  it('readParams: by name, then by alias (the error says which key), defaults for the rest, other keys ignored', () => {
    const smp = engineParams.smp;
    expect(readParams(smp, { rounds: 7, maxTurns: 9, q: 3 }, 'smp').maxTurns).toBe(9);
    expect(readParams(smp, { rounds: 7 }, 'smp').maxTurns).toBe(7);
    expect(() => readParams(smp, { rounds: 0 }, 'smp')).toThrow('smp: rounds (maxTurns) must be an integer in [1, 100000], got 0');
    expect(() => readParams(smp, { votingRule: 'x' }, 'smp', SmpParameterError)).toThrow(SmpParameterError);
  });

  it('validateParams refuses a key the model does not have, naming the known ones', () => {
    expect(validateParams('bdm', engineParams.bdm, { q: 0.5 })).toEqual({ q: 0.5 });
    expect(() => validateParams('bdm', engineParams.bdm, { tieBreak: 'first' })).toThrow('bdm: unknown parameter "tieBreak" (known: q, rounds, variant)');
    expect(() => validateParams('median', [], { rounds: 3 })).toThrow('median: unknown parameter "rounds" (the model takes none)');
  });

  it('routeFlatParams: a shared key to every model that has it, an enum value to the models whose choice it is', () => {
    const routed = routeFlatParams(['bdm', 'exchange', 'nash'], engineParams, { rounds: 4, variant: 'random', utility: 'quadratic' });
    expect(routed).toEqual({ bdm: { rounds: 4 }, exchange: { rounds: 4, variant: 'random' }, nash: { utility: 'quadratic' } });
    expect(routeFlatParams(['bdm', 'exchange'], engineParams, { variant: 'reference' })).toEqual({ bdm: { variant: 'reference' }, exchange: {} });
    expect(() => routeFlatParams(['bdm'], engineParams, { variant: 'random' })).toThrow('bdm: variant must be "paper" or "reference", got "random"');
    expect(() => routeFlatParams(['bdm', 'exchange'], engineParams, { variant: 'sideways' })).toThrow('variant "sideways" is not a choice of the chosen models (bdm: paper | reference; exchange: equal-gain | random)');
    expect(() => routeFlatParams(['compromise', 'nash'], engineParams, { q: 0.5 })).toThrow('unknown parameter "q" for compromise, nash (it is bdm’s)');
    expect(() => routeFlatParams(['bdm'], engineParams, { sideways: 1 })).toThrow('unknown parameter "sideways" for bdm');
  });

  it('paramsForModel: the model’s own over the common ones, without the per-model record', () => {
    const opts = { rounds: 3, modelParams: { bdm: { rounds: 5, q: 0.5 } } };
    expect(paramsForModel('bdm', opts)).toEqual({ rounds: 5, q: 0.5 });
    expect(paramsForModel('exchange', opts)).toEqual({ rounds: 3 });
  });
});

describe('one table, one set of defaults', () => {
  // A deliberately wrong default in a table must show up in the engine: the engine reads it there.
  it('the engines take their defaults from the table object itself', () => {
    const spec = engineParams.bdm.find((s) => s.name === 'rounds') as ParamSpec & { default: number };
    const saved = spec.default;
    try {
      (spec as { default: number }).default = 1;
      expect(engines.bdm(input, {}).params.rounds).toBe(1);
      expect(engines.bdm(input, {}).rounds).toHaveLength(2);
    } finally {
      (spec as { default: number }).default = saved;
    }
    expect(engines.bdm(input, {}).params.rounds).toBe(10);
  });
});
