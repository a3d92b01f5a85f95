/**
 * The API's schemas, each declared once: requests are validated with them, responses are described
 * with them in `GET /openapi.json`, and the dashboard's client (web/src/api.ts) takes its types from
 * them (`z.output`), so a change of a response shape here fails the dashboard's type check.
 *
 * Responses the analysis functions compute are mirrored here, and the `Same<…>` checks at the end of
 * the file fail the type check when a schema and the TypeScript type of what the function returns
 * part (a field added, renamed or retyped on either side).
 */
import { z } from '@hono/zod-openapi';
import * as caseSchema from '../case/schema.ts';
import type { CaseOverview as CaseOverviewT } from '../case/overview.ts';
import type { DraftChecks as DraftChecksT, DraftDiff as DraftDiffT } from '../analysis/drafts.ts';
import type { ForecastJson as ForecastJsonT } from '../analysis/forecast-json.ts';
import type { SimulationResult as SimulationResultT } from '../analysis/montecarlo.ts';
import type { ScenarioComparison as ScenarioComparisonT } from '../analysis/scenarios.ts';
import type { SensitivityReport as SensitivityReportT } from '../analysis/sensitivity.ts';
import type { ResearchReport as ResearchReportT } from '../analysis/research.ts';
import type { Timeline as TimelineT } from '../analysis/timeline.ts';
import type { ZoneOfAgreement as ZoneOfAgreementT } from '../analysis/zopa.ts';
import type { IngestQuote as IngestQuoteT } from '../evidence/ingest.ts';
import { RUN_KINDS, type CaseSummary as CaseSummaryT, type EvidenceRow as EvidenceRowT, type RevisionInfo, type RunSummary as RunSummaryT } from '../store/index.ts';
import { Levers, Packages, Power } from './deal-schemas.ts';
import type { JobView } from './jobs.ts';
import type { Outlook as OutlookT } from '../analysis/outlook-types.ts';
import type { AgreementBasis as AgreementBasisT } from '../analysis/outlook.ts';

// The case model's schemas, named so that the OpenAPI document defines each once and refers to it.
// Cloned first: zod 4 gives a schema the `.openapi` method when it is constructed, so schemas built
// before @hono/zod-openapi was loaded (src/case/schema.ts often is) lack it; a clone is built now.
const named = <T extends z.ZodType>(s: T, name: string): T => (s.clone() as T).openapi(name) as T;
export const Case = named(caseSchema.Case, 'Case');
export const Actor = named(caseSchema.Actor, 'Actor');
export const Issue = named(caseSchema.Issue, 'Issue');
export const Stance = named(caseSchema.Stance, 'Stance');
export const Evidence = named(caseSchema.Evidence, 'Evidence');
export const Draft = named(caseSchema.Draft, 'Draft');
export const Scenario = named(caseSchema.Scenario, 'Scenario');
export const Event = named(caseSchema.Event, 'Event');

export const ErrorBody = z
  .object({ error: z.object({ message: z.string(), path: z.string().nullable(), problems: z.array(z.object({ path: z.string(), message: z.string() })).optional() }) })
  .openapi('Error');

export const pageOf = <T extends z.ZodType>(item: T, name: string) =>
  z.object({ items: z.array(item), total: z.number().int(), offset: z.number().int(), limit: z.number().int() }).openapi(name);

// ---- cases and revisions
export const WriteResult = z.object({ id: z.string(), revision: z.number().int() }).openapi('WriteResult');
export const CaseSummary = z
  .object({ id: z.string(), title: z.string(), actors: z.number(), issues: z.number(), drafts: z.number(), evidence: z.number(), revision: z.number(), updatedAt: z.string() })
  .openapi('CaseSummary');
export const CaseList = pageOf(CaseSummary, 'CaseList');
export const Revision = z
  .object({ revision: z.number(), author: z.string(), message: z.string(), createdAt: z.string(), changes: z.array(z.string()).optional().describe('what changed from the revision before, a line per part') })
  .openapi('Revision');
export const RevisionList = z.array(Revision);
/** `{revision}` of a sub-resource delete; `{revision, item}` of a write. */
export const RevisionOnly = z.object({ revision: z.number() }).openapi('RevisionOnly');
export const itemWrite = <T extends z.ZodType>(item: T) => z.object({ revision: z.number(), item });
export const StanceWrite = z.object({ revision: z.number(), item: Stance, created: z.boolean() }).openapi('StanceWrite');

const num = z.number();
const idTitle = z.object({ id: z.string(), title: z.string() });
const minMax = z.object({ min: num, max: num });
const EstimateValue = z.object({ value: num, low: num.optional(), high: num.optional() });
const byName = <T extends z.ZodType>(v: T) => z.record(z.string(), v);
const heading = { case: idTitle, asOf: z.string().nullable(), scenario: z.string().nullable() };

export const CaseOverview = z
  .object({
    case: idTitle,
    asOf: z.string().nullable(),
    actors: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string(), capability: EstimateValue })),
    issues: z.array(z.object({ id: z.string(), title: z.string(), scale: caseSchema.Scale, statusQuo: num })),
    cells: z.array(
      z.object({ actor: z.string(), issue: z.string(), position: EstimateValue, salience: EstimateValue, redLine: caseSchema.RedLine.nullable(), date: z.string().nullable(), evidenceCount: num, uncertain: z.boolean() }),
    ),
    counts: z.object({ actors: num, issues: num, stances: num, evidence: num, drafts: num, scenarios: num, events: num }),
  })
  .openapi('CaseOverview');

// ---- analysis (each as the matching CLI command prints with --format json)
const RedLineBound = z.object({ actor: z.string(), issue: z.string(), min: num, max: num, veto: z.boolean(), note: z.string().optional() });
const RedLineMove = z.object({ actor: z.string(), bound: z.enum(['min', 'max']), from: num, to: num, by: num });
const PackageCheck = z.object({
  kind: z.enum(['draft', 'forecast']),
  id: z.string(),
  title: z.string(),
  inside: z.boolean(),
  outside: z.array(z.object({ issue: z.string(), value: num, by: num, point: z.string().optional() })),
});
export const ZoneOfAgreement = z
  .object({
    ...heading,
    issues: z.array(
      z.object({
        issue: z.string(),
        title: z.string(),
        scale: minMax,
        zone: minMax.nullable(),
        zoneAllActors: minMax.nullable(),
        vetoHolders: z.array(z.string()),
        redLines: z.array(RedLineBound),
        toOpen: z.object({ at: num, between: minMax, totalMovement: num, moves: z.array(RedLineMove) }).nullable(),
      }),
    ),
    packagesExist: z.boolean(),
    box: byName(minMax).nullable(),
    totalMovement: num,
    drafts: z.array(PackageCheck),
    forecasts: z.array(PackageCheck),
  })
  .openapi('ZoneOfAgreement');

export const DraftChecks = z
  .object({
    ...heading,
    against: z.enum(['draft-date', 'latest']),
    models: z.array(z.string()),
    forecasts: byName(z.array(num)),
    drafts: z.array(
      z.object({
        draft: z.string(),
        title: z.string(),
        date: z.string(),
        sponsor: z.string().nullable(),
        linesAsOf: z.string().nullable(),
        firstRecordedLater: z.array(z.object({ actor: z.string(), issue: z.string(), date: z.string() })),
        crossings: z.array(z.object({ point: z.string(), issue: z.string(), value: num, actor: z.string(), veto: z.boolean(), bound: z.enum(['min', 'max']), limit: num, by: num })),
        vetoedBy: z.array(z.string()),
        utilities: z.array(z.object({ actor: z.string(), utility: num, vsStatusQuo: num, vsForecast: byName(num) })),
        distanceFromForecast: byName(z.object({ mean: num, issues: byName(num) })),
      }),
    ),
  })
  .openapi('DraftChecks');

const Gains = z.array(z.object({ actor: z.string(), change: num }));
const IssueValueChange = z.object({ issue: z.string(), from: num.nullable(), to: num.nullable(), gains: Gains });
const DraftRef = z.object({ id: z.string(), title: z.string(), date: z.string() });
export const DraftDiff = z
  .object({
    case: idTitle,
    a: DraftRef,
    b: DraftRef,
    points: z.array(
      z.object({
        status: z.enum(['unchanged', 'modified', 'removed', 'added']),
        numberA: z.string().nullable(),
        numberB: z.string().nullable(),
        renumbered: z.boolean(),
        similarity: num,
        textA: z.string().nullable(),
        textB: z.string().nullable(),
        text: z.array(z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() })),
        valueChanges: z.array(IssueValueChange),
      }),
    ),
    issues: z.array(IssueValueChange),
    netGains: Gains,
  })
  .openapi('DraftDiff');

const EstimateField = z.enum(['position', 'salience', 'capability']);
/** An estimate as sensitivity and research name it (issue null: the actor's overall capability). */
const estimate = { actor: z.string(), issue: z.string().nullable(), field: EstimateField, value: num, low: num, high: num };
export const SensitivityReport = z
  .object({
    ...heading,
    models: z.array(z.string()),
    issues: z.array(z.string()),
    baseline: byName(z.array(num)),
    entries: z.array(
      z.object({
        ...estimate,
        outcomes: byName(z.object({ low: z.array(num), high: z.array(num) })),
        swings: byName(z.object({ issues: z.array(num), largestPercent: num })),
      }),
    ),
    tornado: byName(
      z.array(z.object({ actor: z.string(), issue: z.string().nullable(), field: EstimateField, forecastIssue: z.string(), outcomeLow: num, outcomeHigh: num, swing: num, swingPercent: num })),
    ),
    fixedEstimates: num,
  })
  .openapi('SensitivityReport');

export const ResearchReport = z
  .object({
    ...heading,
    models: z.array(z.string()),
    items: z.array(
      z.object({
        rank: z.number().int(),
        ...estimate,
        swingPercent: num,
        cited: z.number().int(),
        counted: z.number().int(),
        outlets: z.number().nullable(),
        grades: z.array(z.string()),
        factor: num,
        gap: num,
        score: num,
        reason: z.string(),
      }),
    ),
  })
  .openapi('ResearchReport');

export const ScenarioComparison = z
  .object({
    case: idTitle,
    asOf: z.string().nullable(),
    models: z.array(z.string()),
    issues: z.array(z.string()),
    scenarios: z.array(
      z.object({
        scenario: z.string().nullable(),
        title: z.string(),
        description: z.string().nullable(),
        changes: z.array(caseSchema.ScenarioChange),
        outcome: byName(z.array(num)),
        difference: byName(z.array(num)),
        largestShiftPercent: byName(num),
      }),
    ),
  })
  .openapi('ScenarioComparison');

export const Timeline = z
  .object({
    case: idTitle,
    scenario: z.string().nullable(),
    models: z.array(z.string()),
    issues: z.array(z.string()),
    points: z.array(
      z.object({
        date: z.string(),
        changes: z.object({ stances: z.array(z.object({ actor: z.string(), issue: z.string() })), evidence: z.array(z.string()) }),
        outcome: byName(z.array(num)),
        packagesExist: z.boolean(),
      }),
    ),
  })
  .openapi('Timeline');

// ---- forecasts, simulations, runs and jobs
/** JSON numbers: NaN and ±Infinity are sent as null. */
const jsonNum = num.nullable();
export const ForecastJson = z
  .object({
    model: z.string(),
    actors: z.array(z.string()),
    issues: z.array(z.string()),
    outcome: byName(jsonNum),
    rounds: z.array(
      z
        .object({
          positions: byName(byName(jsonNum)),
          outcome: byName(jsonNum),
          moves: z.array(z.object({ actor: z.string(), issue: z.string(), from: jsonNum, to: jsonNum, why: z.string(), detail: z.record(z.string(), z.unknown()).optional() })),
        })
        .catchall(z.unknown()),
    ),
    params: z.record(z.string(), z.unknown()),
  })
  .openapi('ForecastResult');
export const ForecastResponse = z.object({ results: z.array(ForecastJson), runId: z.string() }).openapi('ForecastResponse');

const Quantiles = z.object({ p05: num, p25: num, p50: num, p75: num, p95: num, mean: num });
export const SimulationResult = z
  .object({
    case: idTitle,
    asOf: z.string().nullable(),
    scenario: z.string().nullable(),
    runs: num,
    seed: num,
    distribution: z.enum(['triangular', 'uniform', 'beta']),
    models: z.array(z.string()),
    issues: z.array(z.object({ id: z.string(), title: z.string(), scale: minMax })),
    quantiles: byName(byName(Quantiles)),
    acceptance: byName(z.object({ vetoHolders: num, everyActor: num, issues: byName(num) })),
    draftPoints: z.array(z.object({ draft: z.string(), point: z.string(), issue: z.string(), value: num, model: z.string(), withinInterval: z.boolean(), quantileRank: num })),
    randomEstimates: num,
    effectiveRanges: z.array(z.object({ actor: z.string(), issue: z.string(), field: z.enum(['position', 'salience', 'capability']), value: num, low: num, high: num, effectiveLow: num, effectiveHigh: num, factor: num, reason: z.string() })).optional().describe('estimates simulated over a wider range from weak, retracted or single-sourced evidence (docs/evidence.md "Reliability")'),
  })
  .openapi('SimulationResult');
/** A finished simulation job's result: the simulation and the run it is stored as. */
export const SimulationJobResult = SimulationResult.extend({ runId: z.string() }).openapi('SimulationJobResult');
export const JobStarted = z.object({ jobId: z.string() }).openapi('JobStarted');

// ---- the agreement outlook ("will there be a deal by DATE?": src/analysis/outlook-types.ts, docs/agreement.md)
const Agreement = z.object({ by: z.string().openapi({ description: 'YYYY-MM-DD: the horizon' }), probability: num.openapi({ description: 'probability of an agreement by `by`, in [0, 1]' }) });
const interval = z.tuple([num, num]);
const IssueOutlook = z.object({
  issue: z.string(),
  statusQuo: num.openapi({ description: 'the outcome if there is no agreement' }),
  ifAgreed: num.openapi({ description: 'the median terms should an agreement come' }),
  expected: num.openapi({ description: 'the terms if agreed mixed with the status quo by the agreement probability' }),
  interval50: interval.openapi({ description: 'central 50 % predictive interval of the outcome by the date, agreement or not' }),
  interval90: interval.openapi({ description: 'central 90 % predictive interval' }),
  quantiles: z.array(num).openapi({ description: 'predictive quantiles at the levels 0.025, 0.05, 0.1, …, 0.95, 0.975 (OUTLOOK_LEVELS)' }),
});
const ModelOutlook = z.object({ model: z.string(), agreement: Agreement, issues: z.array(IssueOutlook) });
export const AgreementBasis = z
  .object({
    by: z.string(),
    start: z.string().openapi({ description: 'the day the clock starts: the as-of date or the case’s latest date' }),
    years: num,
    prior: z.object({
      ceiling: num,
      halfLifeYears: num,
      derived: z.boolean(),
      source: z.string(),
      kind: z.string(),
      own: z.boolean().openapi({ description: 'the case’s own agreementPrior (else the base rate of its kind)' }),
      probability: num.openapi({ description: 'the prior probability of an agreement by the date' }),
    }),
    evidence: z.object({ mean: num, floor: num, slackScale: num, everyIssueOpen: num.openapi({ description: 'share of draws with a zone of agreement on every joint issue' }) }),
    probability: num,
    issues: z.array(
      z.object({
        issue: z.string(),
        rule: z.enum(['unanimity', 'qualified-majority', 'single']),
        from: z.enum(['issue', 'case', 'default']),
        actors: z.array(z.string()).openapi({ description: 'whose consent binds: the veto holders, the decider or the voting members' }),
        zoneShare: num.nullable().openapi({ description: 'share of draws with a zone of agreement (null: decided alone)' }),
        medianSlack: num.nullable(),
        tightestShare: num.nullable(),
      }),
    ),
  })
  .catchall(z.unknown())
  .openapi('AgreementBasis');
export const Outlook = z
  .object({
    case: idTitle,
    asOf: z.string().nullable(),
    scenario: z.string().nullable(),
    runs: num,
    seed: num,
    model: z.string().openapi({ description: 'the default model, whose figures are at the top level' }),
    agreement: Agreement,
    issues: z.array(IssueOutlook),
    models: z.array(ModelOutlook).openapi({ description: 'every model the same way, status-quo (the no-deal baseline) included' }),
    agreementBasis: AgreementBasis,
  })
  .openapi('Outlook');

// ---- the models' parameter tables (GET /api/models), as src/engines/params.ts declares them
export const ModelParam = z
  .object({
    name: z.string(),
    type: z.enum(['integer', 'number', 'enum', 'boolean', 'bits']),
    default: z.union([z.number(), z.string(), z.boolean(), z.array(z.number())]),
    min: z.number().optional(),
    max: z.number().optional().openapi({ description: 'for bits: the largest value of each entry' }),
    minExclusive: z.boolean().optional().openapi({ description: 'the lower bound itself is not allowed: (min, max]' }),
    choices: z.array(z.string()).optional(),
    help: z.string(),
    source: z.string().optional(),
  })
  .openapi('ModelParam');
export const ModelList = z
  .object({ models: z.array(z.object({ model: z.string(), params: z.array(ModelParam) })).openapi({ description: 'every model, with its parameters (empty: it takes none)' }) })
  .openapi('ModelList');

const runFields = {
  id: z.string(),
  kind: z.enum(RUN_KINDS).openapi({ description: 'forecast, simulate, or the analysis job kind whose result it is (sensitivity, research, scenarios, timeline, packages, power, levers)' }),
  caseId: z.string(),
  caseRevision: z.number().int(),
  models: z.array(z.string()),
  params: z.record(z.string(), z.unknown()),
  seed: z.number().nullable(),
  inputHash: z.string().openapi({ description: 'sha256 of the canonical JSON of what inputHashOf names' }),
  /**
   * What `inputHash` hashes: a forecast, the numeric model input the engines ran on (`model-input`);
   * a simulation, the case view it drew its inputs from (`case-view`), since each of its runs has its own;
   * an analysis job's run, the case view (as of its `asOf`, its `scenario` applied) it analysed (`case-view`).
   */
  inputHashOf: z.enum(['model-input', 'case-view']),
  engineVersion: z.string(),
  createdAt: z.string(),
};
export const RunSummary = z.object(runFields).openapi('RunSummary');
export const RunList = pageOf(RunSummary, 'RunList');
/** What a run's results hold: a forecast's, ForecastResult objects; a simulation's, one SimulationResult; an analysis job's, its synchronous route's JSON. */
const RunResult = z.union([ForecastJson, SimulationResult, SensitivityReport, ResearchReport, ScenarioComparison, Timeline, Packages, Power, Levers]);
/** A stored run with its results. */
export const Run = z.object({ ...runFields, results: z.array(RunResult) }).openapi('Run');
export const Replay = z
  .object({ identical: z.boolean(), inputHashMatches: z.boolean(), engineVersion: z.string(), results: z.array(RunResult) })
  .openapi('Replay');

export const Job = z
  .object({
    id: z.string(),
    kind: z.string(),
    caseId: z.string().optional().openapi({ description: 'the case the job is of (none for a backtest of many cases)' }),
    status: z.enum(['queued', 'running', 'done', 'failed', 'cancelled']),
    progress: z.number().min(0).max(1),
    result: z.unknown().optional().openapi({ description: 'when done: for kind "simulate", a SimulationJobResult; for an analysis or deal kind, the synchronous route’s JSON with the `runId` it was stored as; for "backtest", `parley backtest --format json` (not a run)' }),
    error: z.string().optional(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .openapi('Job');

export const JobList = z
  .object({ items: z.array(Job.omit({ result: true })).openapi({ description: 'newest first, without results (GET /api/jobs/{id} has it)' }) })
  .openapi('JobList');

// ---- evidence and ingestion
export const EvidenceRow = z
  .object({
    caseId: z.string(),
    id: z.string(),
    kind: z.string(),
    status: z.string(),
    date: z.string(),
    actor: z.string().nullable(),
    speaker: z.string().nullable(),
    outlet: z.string().nullable(),
    url: z.string().nullable(),
    text: z.string(),
    issues: z.array(z.string()),
  })
  .openapi('EvidenceRow');
export const EvidenceList = pageOf(EvidenceRow, 'EvidenceList');

export const IngestQuote = z
  .object({
    text: z.string(),
    start: z.number().int().openapi({ description: 'offset into `body` (UTF-16 code units)' }),
    end: z.number().int(),
    speaker: z.string().nullable(),
    speakerMention: z.string().nullable(),
    cue: z.string().nullable(),
    partial: z.boolean(),
    actor: z.string().nullable(),
    issues: z.array(z.string()),
  })
  .openapi('IngestQuote');
export const IngestResponse = z
  .object({
    article: z.object({ date: z.string().nullable(), outlet: z.string().nullable(), title: z.string().nullable(), url: z.string().optional() }),
    /** The text the offsets point into: the pasted text without its header, or the text extracted from the page. */
    body: z.string(),
    quotes: z.array(IngestQuote),
    sources: z.array(z.string()),
    actors: z.array(z.string()),
    dates: z.array(z.object({ text: z.string(), resolved: z.string().nullable(), granularity: z.enum(['day', 'month', 'year']) })),
    stored: z.array(z.string()).optional().openapi({ description: 'with caseId: ids of the new candidate evidence' }),
    raised: z
      .array(z.object({ id: z.string(), outlets: z.number() }))
      .optional()
      .openapi({ description: 'with caseId: candidates already in the case whose independent outlets this article raised, with the new count' }),
    revision: z.number().optional().openapi({ description: 'with caseId: the case revision after the ingest (unchanged when nothing was added or raised)' }),
  })
  .openapi('IngestResponse');

// ---- the schemas and the types of what the code returns must not part (checked by tsc)
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Expect<T extends true> = T;
export type SchemaChecks = [
  Expect<Same<z.output<typeof CaseSummary>, CaseSummaryT>>,
  Expect<Same<z.output<typeof Revision>, RevisionInfo>>,
  Expect<Same<z.output<typeof CaseOverview>, CaseOverviewT>>,
  Expect<Same<z.output<typeof ZoneOfAgreement>, ZoneOfAgreementT>>,
  Expect<Same<z.output<typeof DraftChecks>, DraftChecksT>>,
  Expect<Same<z.output<typeof DraftDiff>, DraftDiffT>>,
  Expect<Same<z.output<typeof SensitivityReport>, SensitivityReportT>>,
  Expect<Same<z.output<typeof ResearchReport>, ResearchReportT>>,
  Expect<Same<z.output<typeof ScenarioComparison>, ScenarioComparisonT>>,
  Expect<Same<z.output<typeof Timeline>, TimelineT>>,
  Expect<Same<z.output<typeof ForecastJson>, ForecastJsonT>>,
  Expect<Same<z.output<typeof SimulationResult>, SimulationResultT>>,
  Expect<Same<Omit<z.output<typeof RunSummary>, 'inputHashOf'>, RunSummaryT>>,
  Expect<Same<z.output<typeof EvidenceRow>, EvidenceRowT>>,
  Expect<Same<z.output<typeof IngestQuote>, IngestQuoteT>>,
  Expect<Same<z.output<typeof Job>, JobView>>,
  Expect<Same<Omit<z.output<typeof Outlook>, 'agreementBasis'>, Omit<OutlookT, 'agreementBasis'>>>,
  Expect<Same<z.output<typeof AgreementBasis>, AgreementBasisT>>,
];
