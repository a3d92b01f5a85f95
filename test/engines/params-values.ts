/**
 * For the parameter tests (engines, CLI, API): one value of each parameter other than its default,
 * one bad value, and a small case every engine does something with.
 */
import { engineParams } from '../../src/engines/index.ts';
import { modelParamFlags } from '../../src/cli/model-params.ts';
import { kebabCase, type ParamSpec } from '../../src/engines/params.ts';

/** Every (model, parameter) of every table. */
export const everyParam: Array<[string, ParamSpec]> = Object.entries(engineParams).flatMap(([model, table]) => table.map((spec): [string, ParamSpec] => [model, spec]));

/** A valid value that is not the default (small where it is a count, so the runs stay short). */
export function otherValue(spec: ParamSpec): unknown {
  switch (spec.type) {
    case 'integer': {
      const v = spec.min + 2;
      return v === spec.default ? v + 1 : v;
    }
    case 'number': {
      const mid = (spec.min + spec.max) / 2;
      return mid === spec.default ? spec.min + (spec.max - spec.min) / 4 : mid;
    }
    case 'enum':
      return spec.choices.find((c) => c !== spec.default);
    case 'boolean':
      return !spec.default;
    case 'bits':
      return [1, 0, 1];
  }
}

/** The value as typed on a command line. */
export const asText = (v: unknown): string => (Array.isArray(v) ? v.join(',') : String(v));

/** A value of the right JSON type out of range (enum: not a choice), and one of the wrong type. */
export function badValues(spec: ParamSpec): { outOfRange: unknown; wrongType: unknown } {
  switch (spec.type) {
    case 'integer':
      return { outOfRange: spec.min - 1, wrongType: 'many' };
    case 'number':
      return { outOfRange: spec.max + 1, wrongType: 'half' };
    case 'enum':
      return { outOfRange: 'nonsense', wrongType: 3 };
    case 'boolean':
      return { outOfRange: 'maybe', wrongType: 'maybe' };
    case 'bits':
      return { outOfRange: [0, spec.max + 1], wrongType: 'heads' };
  }
}

/** Three actors, two issues with a status quo: bdm challenges, exchange trades, nash bargains, smp turns. */
export const paramsCase = {
  id: 'params',
  title: 'Parameters',
  actors: [
    { id: 'a', name: 'Alpha', kind: 'state', capability: 2 },
    { id: 'b', name: 'Beta', kind: 'state', capability: 1 },
    { id: 'c', name: 'Gamma', kind: 'state', capability: 1.5 },
  ],
  issues: [
    { id: 'p', title: 'P', statusQuo: 50, scale: { min: 0, max: 100 } },
    { id: 'q', title: 'Q', statusQuo: 30, scale: { min: 0, max: 100 } },
  ],
  stances: [
    { actor: 'a', issue: 'p', position: 0, salience: 90 },
    { actor: 'a', issue: 'q', position: 10, salience: 20 },
    { actor: 'b', issue: 'p', position: 100, salience: 15 },
    { actor: 'b', issue: 'q', position: 100, salience: 85 },
    { actor: 'c', issue: 'p', position: 60, salience: 50 },
    { actor: 'c', issue: 'q', position: 40, salience: 60 },
  ],
};

/** The CLI flag that sets this parameter of this model only (`--bdm-rounds`, `--q`, `--max-turns`). */
export function ownFlag(model: string, spec: ParamSpec): string {
  const flags = modelParamFlags();
  const own = flags.find((f) => f.flag === `--${model}-${kebabCase(spec.name)}`) ?? flags.find((f) => f.flag === `--${kebabCase(spec.name)}`);
  if (!own || !own.takers.some((t) => t.model === model && t.spec.name === spec.name)) throw new Error(`no flag for ${model} ${spec.name}`);
  return own.flag;
}
