/**
 * The engines' parameter tables (params.ts) as zod schemas, for the API's request bodies and their
 * OpenAPI description: each parameter with its type, range or choices, default and help. Kept apart
 * from params.ts so that the engines (and Monte Carlo workers) never load zod.
 *
 * The messages are the tables' own (`bdm: q must be a number in [0, 1]`), so the API and the CLI
 * word a wrong value the same way.
 */
import { z } from '@hono/zod-openapi';
import { describeRange, type ParamSpec, type ParamTable } from './params.ts';

const expected = (spec: ParamSpec): string => {
  switch (spec.type) {
    case 'integer':
      return `an ${describeRange(spec)}`;
    case 'number':
      return `a number in ${describeRange(spec)}`;
    case 'enum':
      return `one of ${spec.choices.map((c) => `"${c}"`).join(', ')}`;
    case 'boolean':
      return 'true or false';
    case 'bits':
      return `a list of integers from 0 to ${spec.max}`;
  }
};

/** The description OpenAPI shows: the help, the range, the source. */
export const paramDescription = (spec: ParamSpec, model?: string): string =>
  `${model ? `${model}: ` : ''}${spec.help} (${describeRange(spec)}). Source: ${spec.source}.`;

/** One parameter's schema (optional: absent means the default, which OpenAPI shows). */
export function paramSchema(spec: ParamSpec, model?: string): z.ZodType {
  const error = `${model ? `${model}: ` : ''}${spec.name} must be ${expected(spec)}`;
  let schema: z.ZodType;
  switch (spec.type) {
    case 'integer': {
      const n = z.number({ error }).int({ error }).min(spec.min, { error });
      schema = spec.max === undefined ? n : n.max(spec.max, { error });
      break;
    }
    case 'number': {
      const n = z.number({ error });
      schema = (spec.minExclusive ? n.gt(spec.min, { error }) : n.min(spec.min, { error })).max(spec.max, { error });
      break;
    }
    case 'enum':
      schema = z.enum(spec.choices as [string, ...string[]], { error });
      break;
    case 'boolean':
      schema = z.boolean({ error });
      break;
    case 'bits':
      schema = z.array(z.number({ error }).int({ error }).min(0, { error }).max(spec.max, { error }), { error }).max(100_000, { error: `${spec.name}: at most 100000 entries` });
      break;
  }
  return schema.optional().openapi({ description: paramDescription(spec, model), default: spec.default as never });
}

/** A model's parameters as one strict object (an unknown key is refused, naming it). */
export function tableSchema(model: string, table: ParamTable): z.ZodType {
  return z
    .strictObject(Object.fromEntries(table.map((s) => [s.name, paramSchema(s, model)])), {
      error: (issue) => (issue.code === 'unrecognized_keys' ? `${model}: unknown parameter ${issue.keys.map((k) => `"${k}"`).join(', ')} (${table.length ? `known: ${table.map((s) => s.name).join(', ')}` : 'the model takes none'})` : `${model}: expected an object of parameters`),
    })
    .openapi({ description: `${model}'s parameters; each absent one takes its default (docs/parameters.md)` });
}

/**
 * The flat form of many tables (`{ rounds: 5, variant: 'random' }`): one field per parameter name,
 * documented as the union of what the models that share the name accept, but checked only for its
 * JSON type here: the value is routed to the chosen models that have the name and checked by each
 * one's table (smp's maxTurns, read as `rounds`, starts at 1; bdm's `variant` is not exchange's), so
 * the message names the model (`bdm: variant must be "paper" or "reference"`).
 */
export function flatParamFields(tables: Readonly<Record<string, ParamTable>>): Record<string, z.ZodType> {
  const byName = new Map<string, Array<{ model: string; spec: ParamSpec }>>();
  for (const [model, table] of Object.entries(tables)) for (const spec of table) byName.set(spec.name, [...(byName.get(spec.name) ?? []), { model, spec }]);
  const fields: Record<string, z.ZodType> = {};
  for (const [name, takers] of byName) {
    const models = takers.map((t) => t.model).join(', ');
    // The precise schema (defaults, ranges) is the model's own object's; this field says where the value goes.
    const loose = z.union([z.number(), z.string().max(200), z.boolean(), z.array(z.number()).max(100_000)]).optional();
    const schema = loose.openapi({ description: `flat form, for ${models} (each chosen model that has it; an enum value only to the models whose choice it is): ${takers.map((t) => `${t.model}: ${t.spec.help} (${describeRange(t.spec)}; default ${JSON.stringify(t.spec.default)})`).join(' · ')}` });
    fields[name] = schema;
  }
  return fields;
}

