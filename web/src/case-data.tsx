/**
 * The case a view is looking at, loaded once per case and shared by its views: the case and its
 * overview, every model's forecast, and (in the background) the Monte Carlo intervals. After an edit,
 * `refresh()` reloads all three, and the previous forecasts are kept so views can show the change.
 */
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { CaseOverview } from '../../src/case/overview.ts';
import type { Case } from '../../src/case/schema.ts';
import { api, ApiError, type ForecastRequest, type ModelForecast } from './api.ts';
import { followJob, type FollowedJob, type JobPhase } from './components/useJob.ts';

/** Parameters the reader changed in the parameter panel, by model: only those that differ from the table's default. */
export type ModelParamValues = Record<string, Record<string, unknown>>;

/**
 * Monte Carlo size for the dashboard: enough for 5–95 % bands to settle to about a point on a
 * 0–100 scale, and a few seconds for every model on the Ukraine case on 2 cores.
 */
export const DASHBOARD_RUNS = 200;
export const DASHBOARD_SEED = 1;

export interface MonteCarloState {
  status: 'idle' | 'running' | 'done' | 'failed';
  /** While running: where the job is (submitting, queued, running, cancelling), for the progress bar. */
  phase?: JobPhase;
  /** The simulate job's id, once it has one. */
  jobId?: string;
  progress: number;
  result?: unknown;
  error?: string;
}

export interface CaseData {
  caseId: string;
  /** The date the case is seen as of (undefined: its latest state). */
  asOf: string | undefined;
  data: Case | undefined;
  overview: CaseOverview | undefined;
  error: Error | undefined;
  forecasts: ModelForecast[] | undefined;
  previousForecasts: ModelForecast[] | undefined;
  forecastError: Error | undefined;
  monteCarlo: MonteCarloState;
  /** Cancel the Monte Carlo job (DELETE /api/jobs/{id}); its status then says it was cancelled. */
  cancelMonteCarlo: () => void;
  /** Run the Monte Carlo again with the current parameters (after a cancel or a failure). */
  rerunMonteCarlo: () => void;
  /** Bumped after every successful reload, so dependent views re-fetch their analyses. */
  version: number;
  /**
   * Reload after a change. `'case'` reloads only the case (evidence accepted or rejected changes
   * no estimate, so the forecasts and the Monte Carlo stay valid); `'all'` (default) also re-forecasts.
   */
  refresh: (what?: 'case' | 'all') => Promise<void>;
  /** The model parameters every forecast and Monte Carlo of this case is run with (the parameter panel's). */
  modelParams: ModelParamValues;
  /** New model parameters: the forecasts and the Monte Carlo run again with them (the case is not reloaded). */
  setModelParams: (p: ModelParamValues) => void;
}

const Ctx = createContext<CaseData | null>(null);

export function useCase(): CaseData {
  const c = useContext(Ctx);
  if (!c) throw new Error('useCase outside a CaseProvider');
  return c;
}

export function CaseProvider({ caseId, asOf, children }: { caseId: string; asOf?: string; children: ReactNode }) {
  const [data, setData] = useState<Case>();
  const [overview, setOverview] = useState<CaseOverview>();
  const [error, setError] = useState<Error>();
  const [forecasts, setForecasts] = useState<ModelForecast[]>();
  const [previousForecasts, setPrevious] = useState<ModelForecast[]>();
  const [forecastError, setForecastError] = useState<Error>();
  const [monteCarlo, setMonteCarlo] = useState<MonteCarloState>({ status: 'idle', progress: 0 });
  const [version, setVersion] = useState(0);
  const generation = useRef(0);
  const currentJob = useRef<FollowedJob | null>(null);
  const latestForecasts = useRef<ModelForecast[] | undefined>(undefined);
  const [modelParams, setModelParamsState] = useState<ModelParamValues>({});
  // Read when a request is made, so that a change of parameters does not re-create refresh (and reload the case).
  const paramsRef = useRef<ModelParamValues>({});
  const withParams = (): { params?: ForecastRequest['params'] } =>
    Object.keys(paramsRef.current).length ? { params: paramsRef.current as ForecastRequest['params'] } : {};

  const runMonteCarlo = useCallback(async (mine: number) => {
    // The job of an earlier run is cancelled (its answers are ignored).
    currentJob.current?.abandon();
    setMonteCarlo({ status: 'running', phase: 'submitting', progress: 0 });
    const body = { runs: DASHBOARD_RUNS, seed: DASHBOARD_SEED, ...(asOf ? { asOf } : {}), ...withParams() };
    // Polled as every job of the dashboard (components/useJob.ts): 250 ms rising to 2 s.
    const followed = followJob(
      { start: () => api.simulate(caseId, body), get: (id) => api.job(id), cancel: (id) => api.cancelJob(id) },
      'the Monte Carlo simulation',
      (u) => {
        if (mine !== generation.current) return;
        if (u.status === 'done') setMonteCarlo({ status: 'done', progress: 1, result: u.result });
        else if (u.status === 'failed' || u.status === 'cancelled') setMonteCarlo({ status: 'failed', progress: u.progress, error: u.status === 'cancelled' ? 'cancelled' : (u.error?.message ?? 'failed') });
        else setMonteCarlo({ status: 'running', phase: u.status, progress: u.progress, jobId: u.jobId });
      },
    );
    currentJob.current = followed;
  }, [caseId, asOf]);
  const cancelMonteCarlo = useCallback(() => currentJob.current?.cancel(), []);
  const rerunMonteCarlo = useCallback(() => void runMonteCarlo(generation.current), [runMonteCarlo]);

  /** The case and its overview, together (the overview's evidence counts follow the case). */
  const loadCase = useCallback(async (): Promise<boolean> => {
    const [c, o] = await Promise.allSettled([api.case(caseId, asOf), api.overview(caseId, asOf)]);
    if (c.status === 'fulfilled') {
      setData(c.value);
      setError(undefined);
    } else setError(c.reason as Error);
    if (o.status === 'fulfilled') setOverview(o.value);
    else if (c.status === 'fulfilled') setError(o.reason as Error);
    setVersion((v) => v + 1);
    return c.status === 'fulfilled';
  }, [caseId, asOf]);

  /** Every model's forecast, then (in the background) the Monte Carlo, with the current parameters. */
  const runForecasts = useCallback(async (mine: number) => {
    try {
      const f = await api.forecast(caseId, { seed: DASHBOARD_SEED, ...(asOf ? { asOf } : {}), ...withParams() });
      if (mine !== generation.current) return;
      setPrevious(latestForecasts.current);
      latestForecasts.current = f.results;
      setForecasts(f.results);
      setForecastError(undefined);
    } catch (e) {
      if (mine !== generation.current) return;
      setForecastError(e as Error);
      // Parameters the server refused would fail the Monte Carlo the same way: say so instead of running it.
      if (e instanceof ApiError && e.path?.startsWith('params')) {
        setMonteCarlo({ status: 'failed', progress: 0, error: 'not run: the model parameters were refused' });
        return;
      }
    }
    void runMonteCarlo(mine);
  }, [caseId, asOf, runMonteCarlo]);

  const refresh = useCallback(async (what: 'case' | 'all' = 'all') => {
    if (what === 'case') {
      await loadCase();
      return;
    }
    const mine = ++generation.current;
    // The case first, then the forecasts: the overview then shows without waiting for the models.
    const loaded = await loadCase();
    if (mine !== generation.current || !loaded) return;
    await runForecasts(mine);
  }, [loadCase, runForecasts]);

  const setModelParams = useCallback((p: ModelParamValues) => {
    paramsRef.current = p;
    setModelParamsState(p);
    void runForecasts(++generation.current);
  }, [runForecasts]);

  useEffect(() => {
    setData(undefined);
    setOverview(undefined);
    setForecasts(undefined);
    latestForecasts.current = undefined;
    setPrevious(undefined);
    paramsRef.current = {};
    setModelParamsState({});
    void refresh();
    return () => {
      generation.current++;
      currentJob.current?.abandon();
      currentJob.current = null;
    };
  }, [refresh]);

  return (
    <Ctx.Provider value={{ caseId, asOf, data, overview, error, forecasts, previousForecasts, forecastError, monteCarlo, cancelMonteCarlo, rerunMonteCarlo, version, refresh, modelParams, setModelParams }}>
      {children}
    </Ctx.Provider>
  );
}
