/** Charts of the analysis reports: pure functions to Observable Plot options, rendered with an injected document. */
export { renderChart, renderSvg, CHART_WIDTH, type PlotOptions } from './render.ts';
export { positionMap, type PositionMapInputs } from './position-map.ts';
export { tornadoChart } from './tornado.ts';
export { timelineChart } from './timeline.ts';
export { quantileChart } from './quantiles.ts';
export { twoActorFrontier, frontierChart, frontierText, defaultFrontierPair, mergedPoints, FRONTIER_KEY, type TwoActorFrontier, type FrontierPoint, type LabelledPackage } from './frontier.ts';
