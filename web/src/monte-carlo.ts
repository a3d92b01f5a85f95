/**
 * Reading the Monte Carlo job's result (`parley simulate --format json`): per model and issue, the
 * 5/25/50/75/95 % quantiles of the outcome. The reader accepts the quantiles keyed as `q05`/`p5`/
 * `"5"`/`"0.05"`, and models and issues as arrays or records, so a renamed key degrades to "no
 * interval" instead of a broken view.
 */
export interface Interval {
  q05: number;
  q25: number;
  q50: number;
  q75: number;
  q95: number;
}

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

/** A model's entry, whether models come as an array of `{model, …}` or a record keyed by model. */
function pick(list: unknown, key: string, idFields: string[]): unknown {
  if (Array.isArray(list)) return list.find((x) => isObj(x) && idFields.some((f) => x[f] === key));
  if (isObj(list)) return list[key];
  return undefined;
}

const quantileKeys: Record<keyof Interval, string[]> = {
  q05: ['q05', 'p05', 'p5', 'q5', '5', '0.05'],
  q25: ['q25', 'p25', '25', '0.25'],
  q50: ['q50', 'p50', '50', '0.5', 'median'],
  q75: ['q75', 'p75', '75', '0.75'],
  q95: ['q95', 'p95', '95', '0.95'],
};

function readQuantiles(x: unknown): Interval | null {
  if (!isObj(x)) return null;
  const src = isObj(x.quantiles) ? x.quantiles : x;
  const out: Partial<Interval> = {};
  for (const [k, keys] of Object.entries(quantileKeys) as Array<[keyof Interval, string[]]>) {
    const v = keys.map((kk) => src[kk]).find((v) => typeof v === 'number' && Number.isFinite(v));
    if (typeof v !== 'number') return null;
    out[k] = v;
  }
  return out as Interval;
}

export function intervalOf(result: unknown, model: string, issueIndex: number, issueId: string): Interval | null {
  if (!isObj(result)) return null;
  const models = result.models ?? result.results ?? result.perModel;
  const m = pick(models, model, ['model', 'name', 'id']);
  if (!isObj(m)) return null;
  const issues = m.issues ?? m.outcomes ?? m.quantiles;
  const entry = Array.isArray(issues)
    ? (issues.find((x) => isObj(x) && (x.issue === issueId || x.id === issueId)) ?? issues[issueIndex])
    : isObj(issues)
      ? issues[issueId]
      : undefined;
  return readQuantiles(entry);
}

/** The probability that the outcome respects every red line, per model, when the result gives it. */
export function dealProbability(result: unknown, model: string): number | null {
  if (!isObj(result)) return null;
  const m = pick(result.models ?? result.results, model, ['model', 'name', 'id']);
  if (!isObj(m)) return null;
  for (const k of ['pInsideRedLines', 'pDeal', 'insideRedLines', 'pAllRedLines']) {
    const v = m[k];
    if (typeof v === 'number') return v;
  }
  return null;
}
