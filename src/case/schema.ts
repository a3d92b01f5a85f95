/**
 * The case model: one set of zod schemas for case files, the HTTP API and the dashboard.
 *
 * Scales (chosen once, converted at the edges):
 * - position: on the issue's own scale (`scale.min`..`scale.max`, default 0–100), where the
 *   anchors say what the numbers mean;
 * - salience: 0–100, how much the actor cares about the issue (100 = its top priority, 0 = indifferent).
 *   Saliences of one actor are independent (DEU convention), not shares of a budget; KTAB (0–100,
 *   sum ≤ 100 per actor) and decide (0–1) are converted on import;
 * - capability: ≥ 0, the actor's clout relative to the others (only ratios matter; the examples use
 *   0–100). decide's power (0–1) and KTAB's "Power" are taken as they are.
 */
import { z } from 'zod';

const isoDate = z.iso.date({ error: 'expected a date as YYYY-MM-DD' });
const id = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'ids use letters, digits, "_", "." and "-", starting with a letter or digit')
  .max(80);
const text = (max: number) => z.string().max(max);

/** An estimate: a value with an optional range. `80` is shorthand for `{ value: 80 }`. */
export const EstimateObject = z
  .object({
    value: z.number().describe('best estimate'),
    low: z.number().optional().describe('lowest plausible value'),
    high: z.number().optional().describe('highest plausible value'),
  })
  .strict()
  .describe('an estimate with its uncertainty range');
export const Estimate = z.union([z.number(), EstimateObject]).describe('a number, or {value, low, high}');
export type EstimateInput = z.input<typeof Estimate>;
export { estimate, type EstimateValue } from './estimate.ts';

export const Speaker = z
  .object({
    name: text(200),
    role: text(200).optional(),
    aliases: z.array(text(200)).default([]),
  })
  .strict();

export const ActorKind = z.enum(['state', 'organisation', 'coalition', 'person']);
export const Actor = z
  .object({
    id,
    name: text(200),
    kind: ActorKind,
    description: text(4000).optional(),
    aliases: z.array(text(200)).default([]),
    speakers: z.array(Speaker).default([]),
    capability: Estimate.describe('clout relative to the other actors (>= 0; only ratios matter; examples use 0-100)'),
    /** Evidence behind the capability estimate. */
    evidence: z.array(id).default([]),
  })
  .strict();

export const Anchor = z.object({ at: z.number(), label: text(400) }).strict().describe('what a point of the scale means, e.g. {at: 0, label: "Ukraine keeps all of Donbas"}');
export const Scale = z
  .object({
    min: z.number().default(0),
    max: z.number().default(100),
    unit: text(60).optional(),
    anchors: z.array(Anchor).default([]),
    /** Only the anchors' values (or, without anchors, whole numbers) are possible outcomes (parley packages). */
    discrete: z.boolean().optional().describe('only the anchors (or whole numbers) are possible outcomes'),
  })
  .strict();

/**
 * How a deal is decided (docs/agreement.md). Absent from a case: unanimity of the actors whose red
 * lines carry `veto: true` on each issue, which is how cases were read before decision rules existed.
 */
export const DecisionRuleName = z.enum(['unanimity', 'qualified-majority', 'single']);
export const Decision = z
  .object({
    rule: DecisionRuleName.describe('unanimity of the veto holders, a qualified (weighted) majority, or a single decider'),
    /** unanimity: whose consent a deal needs (absent: the actors whose red line on the issue carries `veto: true`). */
    vetoHolders: z.array(id).optional().describe('unanimity: the actors whose consent is needed (default: those whose red line carries veto: true)'),
    /** qualified-majority: the share of the members' capability a deal needs (EU QMV: 0.65, of population). */
    threshold: z.number().gt(0).max(1).optional().describe('qualified-majority: share of the members\' capability needed, in (0, 1] (default 0.65)'),
    /** qualified-majority: the share of the members a deal also needs (EU QMV: 0.55). */
    countThreshold: z.number().gt(0).max(1).optional().describe('qualified-majority: share of the members needed, in (0, 1] (default: none)'),
    /** qualified-majority: who votes (absent: every actor). */
    members: z.array(id).optional().describe('qualified-majority: the actors who vote (default: every actor)'),
    /** single: the actor who decides alone. */
    decider: id.optional().describe('single: the actor who decides alone'),
    note: text(2000).optional(),
  })
  .strict()
  .describe('how a deal is decided; on an issue, overrides the case rule');

/** The kind of negotiation, which picks the base rate of the agreement prior (docs/agreement.md). */
export const NegotiationKind = z.enum(['war', 'eu-legislation', 'trade', 'climate', 'coalition', 'labour', 'other']);

/** A case's own prior for the agreement probability, replacing the base rate of its kind. */
export const AgreementPrior = z
  .object({
    ceiling: z.number().min(0).max(1).describe('share of such negotiations that ever reach an agreement'),
    halfLifeYears: z.number().gt(0).describe('among those that do: half of them agree within this many years'),
    source: text(2000).describe('where the numbers come from'),
  })
  .strict();

export const Issue = z
  .object({
    id,
    title: text(300),
    description: text(4000).optional(),
    aliases: z.array(text(200)).default([]),
    scale: Scale.default({ min: 0, max: 100, anchors: [] }),
    statusQuo: z.number().describe('where the issue stands now, on its scale'),
    /** The actual outcome, where it is known (backtests). */
    outcome: z.number().optional(),
    /** How this issue is decided, where it differs from the case's rule (e.g. one actor decides alone). */
    decision: Decision.optional(),
  })
  .strict();

/** A range without a best value (that lives beside it, e.g. a red line's `min`). */
export const Range = z.object({ low: z.number(), high: z.number() }).strict();

export const RedLine = z
  .object({
    /** The lowest acceptable value on the issue's scale (absent: the scale's minimum). */
    min: z.number().optional(),
    /** The highest acceptable value (absent: the scale's maximum). */
    max: z.number().optional(),
    /** The range the lowest acceptable value may lie in (the red line is uncertain); `min` is its best estimate. */
    minRange: Range.optional().describe('uncertain red line: the range min may lie in ({low, high} around min)'),
    /** The range the highest acceptable value may lie in; `max` is its best estimate. */
    maxRange: Range.optional().describe('uncertain red line: the range max may lie in ({low, high} around max)'),
    /** Whether the actor can block a deal outside this range. */
    veto: z.boolean().default(false).describe('whether the actor can block a deal outside this range'),
    note: text(2000).optional(),
  })
  .strict();

export const Stance = z
  .object({
    actor: id,
    issue: id,
    /** When the stance was taken (absent: known from the start, e.g. imported data). */
    date: isoDate.optional(),
    position: Estimate.describe("the actor's position on the issue's scale"),
    salience: Estimate.describe('how much the actor cares, 0 (indifferent) to 100 (top priority)'),
    /** The actor's clout on this issue, where it differs from its overall capability (decide's per-issue power). */
    capability: Estimate.optional(),
    redLine: RedLine.optional(),
    rationale: text(4000).optional(),
    evidence: z.array(id).default([]),
    /** Marks an estimate resting on uncertain, single-sourced or disputed facts. */
    uncertain: z.boolean().optional().describe('rests on uncertain, single-sourced or disputed facts'),
  })
  .strict();

export const EvidenceKind = z.enum(['quote', 'report', 'document', 'statement']);
export const EvidenceReliability = z.enum(['A', 'B', 'C', 'D', 'E', 'F'], { error: 'expected an Admiralty reliability grade A-F' });
export const EvidenceCredibility = z.number({ error: 'expected an Admiralty credibility grade 1-6' }).int('expected an Admiralty credibility grade 1-6').min(1, 'expected an Admiralty credibility grade 1-6').max(6, 'expected an Admiralty credibility grade 1-6');
const partialDate = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'expected a date as YYYY-MM-DD, YYYY-MM or YYYY');
export const Retraction = z.union([z.boolean(), z.object({ date: isoDate.optional(), note: text(4000).optional() }).strict()]);
export const EvidenceStatus = z.enum(['accepted', 'candidate', 'rejected']);
export const Evidence = z
  .object({
    id,
    kind: EvidenceKind,
    text: text(20000),
    speaker: text(200).optional(),
    actor: id.optional(),
    date: isoDate,
    outlet: text(200).optional(),
    url: z.url({ protocol: /^https?$/ }).max(2000).optional(),
    issues: z.array(id).default([]),
    note: text(4000).optional(),
    status: EvidenceStatus.default('accepted').describe('candidate evidence (from ingestion) awaits review'),
    /** Without `credibility`, counts as credibility 4 (doubtful) in the widening rule (src/analysis/reliability.ts). */
    uncertain: z.boolean().optional(),
    /** Admiralty grades (docs/evidence.md "Reliability"): the source's reliability A-F, the information's credibility 1-6. */
    reliability: EvidenceReliability.optional().describe('Admiralty source reliability: A reliable … E unreliable, F cannot be judged'),
    credibility: EvidenceCredibility.optional().describe('Admiralty information credibility: 1 confirmed … 5 improbable, 6 cannot be judged'),
    /** When the words were said or written, where it differs from `date` (the date reported). */
    saidOn: partialDate.optional().describe('when the words were said (YYYY-MM-DD, YYYY-MM or YYYY), beside the date reported'),
    retracted: Retraction.optional().describe('true, or {date, note}: retracted evidence does not count'),
    outlets: z.number().int().min(1).max(10000).optional().describe('independent outlets carrying it (syndicated copies count once)'),
  })
  .strict();

export const DraftPoint = z
  .object({
    number: z.union([z.number().int().nonnegative(), text(20)]),
    text: text(4000),
    /** The issue values the point implies: `{ issueId: value }` on each issue's scale. */
    values: z.record(id, z.number()).default({}).describe('issue values the point implies: {issueId: value}'),
    uncertain: z.boolean().optional(),
  })
  .strict();

export const Draft = z
  .object({
    id,
    title: text(300),
    date: isoDate,
    sponsor: id.optional(),
    revises: id.optional(),
    description: text(4000).optional(),
    points: z.array(DraftPoint).default([]),
    evidence: z.array(id).default([]),
    uncertain: z.boolean().optional(),
  })
  .strict();

export const ScenarioField = z.enum(['position', 'salience', 'capability', 'redLineMin', 'redLineMax', 'statusQuo']);
export const ScenarioChange = z
  .object({
    actor: id.optional(),
    issue: id.optional(),
    field: ScenarioField,
    value: z.number(),
  })
  .strict();
export const Scenario = z
  .object({
    id,
    title: text(300),
    description: text(4000).optional(),
    changes: z.array(ScenarioChange).min(1),
  })
  .strict();

export const EventKind = z.enum(['meeting', 'deadline', 'draft', 'statement', 'other']);
export const Event = z
  .object({
    id,
    date: isoDate,
    kind: EventKind,
    title: text(300),
    participants: z.array(id).default([]),
    place: text(200).optional(),
    evidence: z.array(id).default([]),
    note: text(4000).optional(),
    uncertain: z.boolean().optional(),
  })
  .strict();

/** Feed poll intervals: a number of minutes, hours or days (`30m`, `1h`, `1d`). */
const EVERY = /^([1-9][0-9]{0,4})(m|h|d)$/;
/** How often a feed is polled, in milliseconds (`every`, default 1h); undefined when it cannot be read. */
export function feedIntervalMs(every: string | undefined): number | undefined {
  const m = EVERY.exec(every ?? '1h');
  return m ? Number(m[1]) * { m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 'm' | 'h' | 'd'] : undefined;
}
/** The shortest poll interval a feed may ask for (5 minutes) and the longest (30 days). */
export const MIN_FEED_INTERVAL_MS = 5 * 60_000;
export const MAX_FEED_INTERVAL_MS = 30 * 86_400_000;
export const Feed = z
  .object({
    url: z.url({ protocol: /^https?$/, error: 'expected an http or https URL' }).max(2000).describe('the RSS or Atom feed (http or https; fetched through the server\'s URL guard)'),
    every: z
      .string()
      .regex(EVERY, 'expected an interval like 30m, 1h or 1d')
      .refine((v) => (feedIntervalMs(v) ?? Infinity) >= MIN_FEED_INTERVAL_MS, 'feeds are polled at most every 5 minutes (5m)')
      .refine((v) => (feedIntervalMs(v) ?? 0) <= MAX_FEED_INTERVAL_MS, 'feeds are polled at least every 30 days (30d)')
      .optional()
      .describe('how often the server polls the feed: minutes, hours or days (30m, 1h, 1d); default 1h, at least 5m'),
    label: text(80).optional().describe('a short name for the feed (default: its host); new candidates are written by "feed:<label>"'),
  })
  .strict()
  .describe('a news feed the server polls, queueing the quotes of new items as candidate evidence for review');
export const Feeds = z
  .array(Feed)
  .max(50)
  .superRefine((feeds, ctx) => {
    const seen = new Map<string, number>();
    feeds.forEach((f, i) => {
      const first = seen.get(f.url);
      if (first !== undefined) ctx.addIssue({ code: 'custom', path: [i, 'url'], message: `duplicate feed "${f.url}" (also feeds[${first}])` });
      else seen.set(f.url, i);
    });
  });

export const Case = z
  .object({
    $schema: z.string().optional(),
    id,
    title: text(300),
    description: text(8000).optional(),
    /** The kind of negotiation (picks the agreement prior's base rate; absent: other). */
    kind: NegotiationKind.optional(),
    /** How a deal is decided (absent: unanimity of the actors whose red lines carry a veto). */
    decision: Decision.optional(),
    /** The case's own agreement prior, replacing the base rate of its kind. */
    agreementPrior: AgreementPrior.optional(),
    actors: z.array(Actor).min(1),
    issues: z.array(Issue).min(1),
    stances: z.array(Stance).default([]),
    evidence: z.array(Evidence).default([]),
    drafts: z.array(Draft).default([]),
    scenarios: z.array(Scenario).default([]),
    events: z.array(Event).default([]),
    feeds: Feeds.optional().describe('news feeds the server polls for candidate evidence (parley serve; docs/evidence.md)'),
  })
  .strict();

export type Case = z.output<typeof Case>;
export type CaseInput = z.input<typeof Case>;
export type Actor = z.output<typeof Actor>;
export type Issue = z.output<typeof Issue>;
export type Stance = z.output<typeof Stance>;
export type RedLine = z.output<typeof RedLine>;
export type Decision = z.output<typeof Decision>;
export type NegotiationKind = z.output<typeof NegotiationKind>;
export type AgreementPrior = z.output<typeof AgreementPrior>;
export type Evidence = z.output<typeof Evidence>;
export type Draft = z.output<typeof Draft>;
export type DraftPoint = z.output<typeof DraftPoint>;
export type Scenario = z.output<typeof Scenario>;
export type ScenarioChange = z.output<typeof ScenarioChange>;
export type Event = z.output<typeof Event>;
export type Feed = z.output<typeof Feed>;
