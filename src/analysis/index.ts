/**
 * The analysis layer's public API, called by the CLI, the HTTP server and the report: pure
 * functions from a validated case to plain JSON-serialisable reports (simulate is async: it runs on
 * worker threads).
 */
export { zoneOfAgreement, cheapestMeetingPoint, type ZoneOfAgreement, type IssueZone, type RedLineMove, type PackageCheck, type ZoneOptions } from './zopa.ts';
export { checkDrafts, diffDrafts, alignPoints, stancesInForceOn, UnknownDraftError, type DraftCheckOptions, type DraftLinesDate, type DraftChecks, type DraftCheck, type DraftDiff, type PointDiff, type IssueValueChange, type RedLineCrossing } from './drafts.ts';
export { simulate, summarize, SimulationCancelled, QUANTILE_LEVELS, type SimulateOptions, type SimulationResult, type OutcomeQuantiles, type DraftPointPlacement } from './montecarlo.ts';
export { sensitivity, type SensitivityReport, type SensitivityEntry, type TornadoBar } from './sensitivity.ts';
export { compareScenarios, type ScenarioComparison, type ScenarioForecast } from './scenarios.ts';
export { timeline, type Timeline, type TimelinePoint } from './timeline.ts';
export { redLines, utilityModel, utilityOf, utilityChange, draftValues, draftPackage, type RedLineBound, type UtilityModel } from './red-lines.ts';
export { distributionNames, type DistributionName } from './distributions.ts';
export { wordDiff, jaccard, renderWordDiff, type TextOp, type DiffMarkup } from './text-diff.ts';
export { analysisHeading, type AnalysisHeading } from './heading.ts';
export { forecastCase, resolveModels, caseView, UnknownModelError, type ForecastOptions, type ForecastSet } from './forecast.ts';
