/**
 * From a validated case to the engines' numeric arrays: the current stance of every actor × issue
 * pair; a pair without a stance takes no part (salience 0, position at the status quo).
 * Salience is converted from the case's 0–100 to the engines' 0–1.
 */
import type { ModelInput } from '../engines/types.ts';
import type { Case } from './schema.ts';
import { estimate } from './estimate.ts';
import { currentStances, pairKey } from './view.ts';

/** Which value of each estimate to use: the point value, or a draw supplied by Monte Carlo. */
export type EstimatePicker = (e: { value: number; low?: number; high?: number }, where: { actor: string; issue?: string; field: 'position' | 'salience' | 'capability' }) => number;

const pointValue: EstimatePicker = (e) => e.value;

export function toModelInput(c: Case, pick: EstimatePicker = pointValue): ModelInput {
  const n = c.actors.length;
  const m = c.issues.length;
  const position = new Float64Array(n * m);
  const salience = new Float64Array(n * m);
  const capability = new Float64Array(n * m);
  const scaleMin = new Float64Array(m);
  const scaleMax = new Float64Array(m);
  const statusQuo = new Float64Array(m);
  c.issues.forEach((iss, k) => {
    scaleMin[k] = iss.scale.min;
    scaleMax[k] = iss.scale.max;
    statusQuo[k] = iss.statusQuo;
  });
  const stances = currentStances(c);
  c.actors.forEach((a, i) => {
    const cap = Math.max(0, pick(estimate(a.capability), { actor: a.id, field: 'capability' }));
    c.issues.forEach((iss, k) => {
      const s = stances.get(pairKey(a.id, iss.id));
      capability[i * m + k] = s?.capability === undefined ? cap : Math.max(0, pick(estimate(s.capability), { actor: a.id, issue: iss.id, field: 'capability' }));
      if (!s) {
        position[i * m + k] = iss.statusQuo;
        salience[i * m + k] = 0;
        return;
      }
      const x = pick(estimate(s.position), { actor: a.id, issue: iss.id, field: 'position' });
      position[i * m + k] = Math.min(iss.scale.max, Math.max(iss.scale.min, x));
      const sal = pick(estimate(s.salience), { actor: a.id, issue: iss.id, field: 'salience' });
      salience[i * m + k] = Math.min(1, Math.max(0, sal / 100));
    });
  });
  return {
    actors: c.actors.map((a) => a.name),
    issues: c.issues.map((i) => i.title),
    position,
    salience,
    capability,
    scaleMin,
    scaleMax,
    statusQuo,
  };
}
