/**
 * The models and their parameters over HTTP: each engine's parameter table (src/engines/params.ts,
 * docs/parameters.md) as JSON, for clients that cannot load the engines — the dashboard's
 * parameter panel (web/src/components/ParamPanel.tsx) builds its inputs from it, and the forecast
 * route checks what comes back against the same tables (routes/model-params.ts).
 */
import { modelNames, paramsOf } from '../../engines/index.ts';
import type { ParamSpec } from '../../engines/params.ts';
import { ModelList, type ModelParam } from '../schemas.ts';
import { route, router, type RouteContext } from './common.ts';
import type { z } from '@hono/zod-openapi';

/** One table entry as data: the fields a form needs; aliases are the CLI's and KTAB's spellings, left out. */
export function paramJson(p: ParamSpec): z.output<typeof ModelParam> {
  return {
    name: p.name,
    type: p.type,
    default: Array.isArray(p.default) ? [...(p.default as readonly number[])] : (p.default as number | string | boolean),
    ...('min' in p ? { min: p.min } : {}),
    ...('max' in p && p.max !== undefined ? { max: p.max } : {}),
    ...('minExclusive' in p && p.minExclusive ? { minExclusive: true } : {}),
    ...('choices' in p ? { choices: [...p.choices] } : {}),
    help: p.help,
    ...(p.source ? { source: p.source } : {}),
  };
}

export function modelRoutes(_ctx: RouteContext) {
  const app = router();
  route(app, {
    method: 'get',
    path: '/api/models',
    tag: 'forecasts',
    summary: 'Every model and its parameters (type, default, range or choices, what it does, where it comes from): what `params: { <model>: { … } }` of a forecast accepts',
    ok: { status: 200, schema: ModelList, description: 'the engines’ parameter tables, as docs/parameters.md lists them' },
    handler: () => ({ models: modelNames().map((model) => ({ model, params: paramsOf(model).map(paramJson) })) }),
  });
  return app;
}
