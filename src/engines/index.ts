/**
 * The registry of forecasting engines, by the name used on the CLI (`--model`), in the API and in
 * results. Each engine lives in its own file.
 */
import type { Engine } from './types.ts';
import { compromise } from './compromise.ts';
import { median } from './median.ts';
import { nash } from './nash.ts';
import { bdm } from './bdm.ts';
import { smp } from './smp.ts';
import { exchange } from './exchange.ts';

export const engines: Record<string, Engine> = {
  compromise,
  median,
  nash,
  bdm,
  smp,
  exchange,
};

export type ModelName = keyof typeof engines;
export const modelNames = (): string[] => Object.keys(engines);
export * from './types.ts';
