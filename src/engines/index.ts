/**
 * The registry of forecasting engines, by the name used on the CLI (`--model`), in the API and in
 * results. Each engine lives in its own file.
 */
import type { Engine } from './types.ts';
import type { ParamTable } from './params.ts';
import { compromiseParams } from './compromise.ts';
import { medianParams } from './median.ts';
import { nashParams } from './nash.ts';
import { bdmParams } from './bdm.ts';
import { smpParams } from './smp.ts';
import { exchangeParams } from './exchange.ts';
import { compromise } from './compromise.ts';
import { median } from './median.ts';
import { nash } from './nash.ts';
import { bdm } from './bdm.ts';
import { smp } from './smp.ts';
import { exchange } from './exchange.ts';
import { statusQuo } from './status-quo.ts';
import { ensemble } from './ensemble.ts';

export const engines: Record<string, Engine> = {
  compromise,
  median,
  nash,
  bdm,
  smp,
  exchange,
  'status-quo': statusQuo,
  ensemble,
};

export type ModelName = keyof typeof engines;

/**
 * Each engine's parameter table (src/engines/params.ts), by model name: what the CLI mounts as
 * options, the API validates and documents, the dashboard's panel shows and docs/parameters.md lists.
 * An engine without an entry takes no parameters.
 */
export const engineParams: Record<string, ParamTable> = {
  compromise: compromiseParams,
  median: medianParams,
  nash: nashParams,
  bdm: bdmParams,
  smp: smpParams,
  exchange: exchangeParams,
};

/** The parameter table of a model (empty for a model that takes none). */
export const paramsOf = (model: string): ParamTable => engineParams[model] ?? [];
export const modelNames = (): string[] => Object.keys(engines);
export * from './types.ts';
