/**
 * The response schemas of the deal searches (GET /api/cases/{id}/packages, …/power, …/levers), apart
 * from their routes so that src/server/schemas.ts can name them among a stored run's results (an
 * analysis job's run, src/jobs/analysis-runs.ts) without importing the route module.
 */
import { z } from '@hono/zod-openapi';
import { Draft } from '../case/schema.ts';

const Gains = z.record(z.string(), z.number());
const DealPackage = z
  .object({ kind: z.enum(['maxmin', 'nash', 'ks', 'nearest']), values: Gains, gains: Gains, from: z.string().optional() })
  .openapi('DealPackage');
export const Packages = z
  .object({
    feasible: z.boolean(),
    emptyIssues: z.array(z.string()).describe('issues on which the binding red lines leave no common value'),
    actors: z.array(z.string()).describe('the actors whose gains are balanced'),
    packages: z.array(DealPackage),
    frontier: z.array(z.object({ values: Gains, gains: Gains })),
    drafts: z.array(Draft).describe('each package as a generated draft'),
  })
  .openapi('Packages');
const Blocking = z.object({
  opponents: z.array(z.string()).describe('the actors who would vote against: a red line crossed, or worse off than the status quo'),
  objections: z.array(z.object({ actor: z.string(), crosses: z.array(z.string()).describe('issues whose value is outside the actor’s red line'), worseThanStatusQuo: z.boolean() })),
  blocked: z.boolean().describe('whether the opponents can stop it under the decision rule'),
  blockedOn: z.array(z.string()).describe('the issues whose rule the opponents can stop it on'),
  coalitions: z.array(z.array(z.string())).describe('the minimal blocking coalitions among the opponents'),
});
export const Power = z
  .object({
    issue: z.string().nullable(),
    rule: z.enum(['unanimity', 'qualified-majority', 'single']),
    method: z.enum(['exact', 'sampled']),
    actors: z.array(z.object({ actor: z.string(), shapleyShubik: z.number(), banzhaf: z.number() })),
    blocking: z.array(z.array(z.string())).describe('the minimal coalitions whose refusal blocks a deal'),
    drafts: z.array(Blocking.extend({ draft: z.string(), title: z.string() })).describe('who blocks each draft of the case (or the one asked for)'),
    packages: z.array(Blocking.extend({ package: z.string().describe('maxmin, nash, ks, or nearest-DRAFT') })).describe('who blocks each package of `parley packages`'),
    packagesError: z.string().nullable().describe('why the packages could not be computed, else null'),
  })
  .openapi('Power');

const LeverMove = z.object({
  actor: z.string(),
  issue: z.string().nullable().describe("null: the actor's overall capability"),
  field: z.enum(['position', 'salience', 'capability', 'redLine']),
  bound: z.enum(['min', 'max']).optional().describe('for a red line: which bound moves'),
  from: z.number(),
  to: z.number(),
  by: z.number().describe('to − from'),
});
const Lever = LeverMove.extend({
  byNormalized: z.number().describe('|by| over the scale width (positions, red lines), over 100 (salience), over the actors’ total capability'),
  model: z.string().nullable().describe('the model whose forecast the lever moves; null for model-free targets'),
  reaches: z.literal(true),
  method: z.enum(['closed-form', 'exact', 'bisection', 'greedy']),
  mcShare: z.number().nullable().describe('share of Monte Carlo draws in which the lever reaches the target (null: runs = 0, or a probability target)'),
  outsideEvidence: z.boolean().describe('to lies outside the range the estimate or red line is given with'),
  achieved: z.number().nullable().describe('the forecast (value targets) or probability (probability targets) with the lever applied'),
  part: z.string().nullable().describe('zone and draft targets: the issue whose part the lever reaches'),
  with: z.array(LeverMove).describe('other moves needed together with this one'),
}).openapi('Lever');
export const Levers = z
  .object({
    case: z.object({ id: z.string(), title: z.string() }),
    asOf: z.string().nullable(),
    scenario: z.string().nullable(),
    target: z
      .object({
        text: z.string(),
        kind: z.enum(['zone', 'value', 'draft', 'probability']),
        issue: z.string().nullable().optional(),
        value: z.number().optional(),
        tolerance: z.number().optional(),
        draft: z.string().optional(),
        probability: z.number().optional(),
        by: z.string().optional(),
      })
      .describe('the target as read'),
    reachable: z.boolean(),
    levers: z.array(Lever).describe('ranked: the least normalized movement (with the moves it needs) first, then the larger Monte Carlo share'),
    parts: z.array(z.string()).describe('zone and draft targets: the issues that each need a lever'),
    baseline: z.record(z.string(), z.number()).nullable().describe('before any lever: each model’s forecast (value), or the probability'),
    runs: z.number().int(),
    seed: z.number().int(),
    notes: z.array(z.string()),
  })
  .openapi('Levers');
