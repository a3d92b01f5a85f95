/**
 * "Model parameters": one labelled input per parameter of each chosen model, built from the engines'
 * parameter tables as the server lists them (GET /api/models; src/engines/params.ts) — the web build
 * cannot import the engines themselves (smp loads worker threads). The table's default is the
 * placeholder; only what the reader changed is sent, as `params: { <model>: { <name>: value } }`,
 * and the forecasts and the Monte Carlo run again with it. What the server refuses (a 400 naming
 * `params.<model>.<name>`) is shown beside the panel and marks the input at fault.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { api, ApiError, type ModelParam } from '../api.ts';
import { DASHBOARD_SEED, useCase, type ModelParamValues } from '../case-data.tsx';
import { ErrorNote } from './Status.tsx';
import { useLoad } from './useLoad.ts';

/** What an input holds: the text typed, or a checkbox's state. Absent: the default. */
type Drafts = Record<string, Record<string, string | boolean>>;

/** Typing pauses this long before a forecast is asked for (each forecast runs every model). */
const TYPING_PAUSE_MS = 500;

const draftOf = (v: unknown): string | boolean => (typeof v === 'boolean' ? v : Array.isArray(v) ? v.join(', ') : String(v));

/**
 * An input's text as the value to send. What does not parse is sent as typed, so the server's check
 * (the same table) names the problem rather than the dashboard dropping the value silently.
 */
function valueOf(p: ModelParam, draft: string | boolean): unknown {
  if (typeof draft === 'boolean') return draft;
  const t = draft.trim();
  if (p.type === 'integer' || p.type === 'number') {
    const n = Number(t);
    return t !== '' && Number.isFinite(n) ? n : t;
  }
  if (p.type === 'bits') {
    if (t === '') return [];
    const parts = t.split(/[\s,]+/).filter(Boolean).map(Number);
    return parts.every((n) => Number.isFinite(n)) ? parts : t;
  }
  return t;
}

/**
 * The value a model runs with when the input is empty: the table's default, except the seed, which
 * the dashboard's forecasts set for every model that has one (the request's top-level `seed`).
 */
const defaultOf = (p: ModelParam): ModelParam['default'] => (p.name === 'seed' ? DASHBOARD_SEED : p.default);

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The drafts as request parameters: only inputs that hold something other than the default. */
function changedParams(tables: Map<string, ModelParam[]>, drafts: Drafts): ModelParamValues {
  const out: ModelParamValues = {};
  for (const [model, byName] of Object.entries(drafts)) {
    const table = tables.get(model) ?? [];
    for (const [name, draft] of Object.entries(byName)) {
      const p = table.find((x) => x.name === name);
      if (!p || (typeof draft === 'string' && draft.trim() === '')) continue;
      const v = valueOf(p, draft);
      if (sameValue(v, defaultOf(p))) continue;
      (out[model] ??= {})[name] = v;
    }
  }
  return out;
}

export function ParamPanel({ models }: { models: string[] }) {
  const { modelParams, setModelParams, forecastError } = useCase();
  const list = useLoad(() => api.models(), []);
  const errorId = useId();
  const [drafts, setDrafts] = useState<Drafts>(() =>
    Object.fromEntries(Object.entries(modelParams).map(([m, ps]) => [m, Object.fromEntries(Object.entries(ps).map(([k, v]) => [k, draftOf(v)]))])),
  );
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const tables = new Map((list.data?.models ?? []).filter((m) => models.includes(m.model) && m.params.length > 0).map((m) => [m.model, m.params]));
  const paramError = forecastError instanceof ApiError && forecastError.path?.startsWith('params') ? forecastError : undefined;

  const update = (model: string, name: string, draft: string | boolean, pause: boolean) => {
    const next: Drafts = { ...drafts, [model]: { ...drafts[model], [name]: draft } };
    setDrafts(next);
    clearTimeout(timer.current);
    const send = () => {
      const params = changedParams(tables, next);
      if (!sameValue(params, modelParams)) setModelParams(params);
    };
    if (pause) timer.current = setTimeout(send, TYPING_PAUSE_MS);
    else send();
  };

  if (list.error) return <ErrorNote error={list.error} />;
  if (!tables.size) return null;
  const changed = Object.values(modelParams).reduce((n, ps) => n + Object.keys(ps).length, 0);
  return (
    <details className="param-panel" data-testid="param-panel">
      <summary>
        Model parameters{changed ? ` (${changed} changed)` : ''}
      </summary>
      <p className="muted small-text">Empty: the model’s default (shown greyed). A change runs the forecasts again; docs/parameters.md says what each parameter does.</p>
      <ErrorNote error={paramError} />
      {paramError ? <span id={errorId} hidden>{paramError.message}</span> : null}
      {[...tables].map(([model, params]) => (
        <fieldset key={model} data-model={model}>
          <legend>{model}</legend>
          {params.map((p) => (
            <ParamInput
              key={p.name}
              model={model}
              p={p}
              draft={drafts[model]?.[p.name]}
              invalid={paramError?.path === `params.${model}.${p.name}`}
              errorId={errorId}
              onChange={(d, pause) => update(model, p.name, d, pause)}
            />
          ))}
        </fieldset>
      ))}
    </details>
  );
}

function ParamInput({
  model,
  p,
  draft,
  invalid,
  errorId,
  onChange,
}: {
  model: string;
  p: ModelParam;
  draft: string | boolean | undefined;
  invalid: boolean;
  errorId: string;
  onChange: (draft: string | boolean, pause: boolean) => void;
}) {
  const id = useId();
  const helpId = `${id}-help`;
  const range =
    p.type === 'enum' || p.type === 'boolean'
      ? ''
      : p.type === 'bits'
        ? ` (comma-separated, each 0–${p.max})`
        : ` (${p.minExclusive ? '>' : ''}${p.min ?? ''}${p.max !== undefined ? `–${p.max}` : ' or more'})`;
  const common = {
    id,
    name: `${model}.${p.name}`,
    'aria-describedby': invalid ? `${helpId} ${errorId}` : helpId,
    'aria-invalid': invalid || undefined,
  };
  let control;
  if (p.type === 'boolean') {
    control = <input type="checkbox" {...common} checked={typeof draft === 'boolean' ? draft : p.default === true} onChange={(e) => onChange(e.target.checked, false)} />;
  } else if (p.type === 'enum') {
    control = (
      <select {...common} value={typeof draft === 'string' ? draft : ''} onChange={(e) => onChange(e.target.value, false)}>
        <option value="">{String(p.default)} (default)</option>
        {(p.choices ?? []).filter((c) => c !== p.default).map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
    );
  } else if (p.type === 'bits') {
    control = <input type="text" {...common} inputMode="numeric" placeholder={String(draftOf(p.default)) || 'none'} value={typeof draft === 'string' ? draft : ''} onChange={(e) => onChange(e.target.value, true)} />;
  } else {
    control = (
      <input
        type="number"
        {...common}
        min={p.min}
        max={p.max}
        step={p.type === 'integer' ? 1 : 'any'}
        placeholder={String(defaultOf(p))}
        value={typeof draft === 'string' ? draft : ''}
        onChange={(e) => onChange(e.target.value, true)}
      />
    );
  }
  return (
    <div className="field" data-param={p.name}>
      <label htmlFor={id}>
        {p.name}
        <span className="muted small-text">{range}</span>
      </label>
      {control}
      <span id={helpId} className="muted small-text">
        {p.help}
      </span>
    </div>
  );
}
