/**
 * One document with every analysis of a case — zone of agreement, drafts and their diffs, the deal
 * (packages, frontier, power, levers), Monte Carlo, sensitivity, scenarios, timeline — as Markdown or as a self-contained HTML page, with the
 * charts inline as SVG. Case text is untrusted: every piece of it is escaped (HTML entities; in
 * Markdown also the characters that would start markup), and the charts write it as SVG text nodes.
 */
import type { Case } from '../case/schema.ts';
import { caseView } from './forecast.ts';
import { zoneOfAgreement } from './zopa.ts';
import { checkDrafts, diffDrafts, type DraftDiff, type DraftLinesDate } from './drafts.ts';
import { simulate, type SimulateOptions } from './montecarlo.ts';
import { sensitivity } from './sensitivity.ts';
import { compareScenarios } from './scenarios.ts';
import { timeline } from './timeline.ts';
import { renderWordDiff, type DiffMarkup } from './text-diff.ts';
import { draftCheckTables, draftDiffTables, scenarioTables, sensitivityTables, simulationTables, timelineTables, zoneTables, type Names, type Section, type Tabular } from './tables.ts';
import { defaultHorizon, latestCaseDate } from './horizon.ts';
import { anchorText } from '../case/anchors.ts';
import { forecastOutlook, type AgreementBasis } from './outlook.ts';
import { basisSentence, outlookSections, pct } from './outlook-text.ts';
import { positionMap, quantileChart, renderSvg, timelineChart, tornadoChart, type PlotOptions } from '../charts/index.ts';
import { defaultFrontierPair, frontierChart, frontierText, twoActorFrontier } from '../charts/frontier.ts';
import { DealError, findPackages, type Package } from '../deal/packages.ts';
import { loadSolver } from '../deal/solver.ts';
import { blockingText, casePower, draftsBlocking, packagesBlocking } from '../deal/power.ts';
import { findLevers, type LeverMove } from '../deal/levers.ts';
import { utilityModel, utilityOf } from './red-lines.ts';

export type ReportFormat = 'md' | 'html';

export interface ReportOptions extends SimulateOptions {
  format: ReportFormat;
  /** The DOM document the charts are rendered with (Node: charts/node-document.ts). */
  document: Document;
  /** Rows per model in the sensitivity tables (default 15). */
  top?: number;
  /** Check each draft against the red lines of its own date (default) or the latest ones. */
  against?: DraftLinesDate;
  /** The horizon of "will there be a deal by DATE?" (default: six months after the as-of date or the case's latest date; analysis/horizon.ts). */
  by?: string;
  /** The moment printed as "generated" (default: now); fixed in tests, so a report is reproducible. */
  generatedAt?: Date;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]);

/**
 * Case text as Markdown inline text: &, < and > as entities (no raw HTML gets through), the characters that
 * open emphasis, code, links and table cells backslash-escaped, line breaks folded (a table cell
 * or heading stays one line).
 */
export const escapeMarkdownInline = (s: string): string => s.replace(/[&<>]/g, (ch) => HTML_ESCAPES[ch]).replace(/[\\`*_[\]|~]/g, '\\$&').replace(/\s*[\r\n]+\s*/g, ' ');

/** Case text as a Markdown block (paragraph, heading): also no heading, list or rule marker at its start. */
export const escapeMarkdown = (s: string): string =>
  escapeMarkdownInline(s)
    .replace(/^(\s*)(#|[-+=](?=\s|$))/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])(?=\s|$)/, '$1\\$2');

const fmt = (c: string | number): string => (typeof c === 'number' ? (Number.isInteger(c) ? String(c) : c.toFixed(2)) : c);

/** A source the report cites: one URL, with the evidence items that rest on it. */
export interface Source {
  url: string;
  label: string;
}

interface Writer {
  heading(level: number, text: string): void;
  paragraph(text: string): void;
  list(items: string[]): void;
  sources(items: Source[]): void;
  section(s: Section): void;
  chart(options: PlotOptions): void;
  /** A pre-rendered diff of two texts (already escaped per format). */
  diff(d: DraftDiff): void;
  done(title: string): string;
}

/** The points a diff changed, each part escaped (and the text marked up) for one output format. */
function changedPoints(d: DraftDiff, markup: DiffMarkup): Array<{ status: string; numbers: string; text: string }> {
  return d.points
    .filter((p) => p.status !== 'unchanged')
    .map((p) => ({
      status: markup.escape(`${p.status}${p.renumbered ? ', renumbered' : ''}`),
      numbers: `(${markup.escape(p.numberA ?? '–')} → ${markup.escape(p.numberB ?? '–')})`,
      text: renderWordDiff(p.text, markup),
    }));
}

function markdownWriter(doc: Document): Writer {
  const out: string[] = [];
  return {
    heading: (level, text) => out.push(`${'#'.repeat(level)} ${escapeMarkdown(text)}`, ''),
    paragraph: (text) => out.push(escapeMarkdown(text), ''),
    list: (items) => out.push(...items.map((t) => `- ${escapeMarkdownInline(t)}`), ''),
    // An autolink shows the URL itself; a URL holds no '<', '>' or space (the schema's z.url), so it cannot break out.
    sources: (items) => out.push(...items.map((x, k) => `${k + 1}. ${escapeMarkdownInline(x.label)}: <${x.url.replace(/[<>\s]/g, encodeURIComponent)}>`), ''),
    section(s) {
      out.push(`**${escapeMarkdownInline(s.title)}**`, '');
      if (s.note) out.push(escapeMarkdown(s.note), '');
      if (!s.rows.length) return void out.push('(none)', '');
      const row = (cells: Array<string | number>) => `| ${cells.map((c) => escapeMarkdownInline(fmt(c))).join(' | ')} |`;
      out.push(row(s.header), `|${s.header.map(() => ' --- ').join('|')}|`, ...s.rows.map(row), '');
    },
    // One line of SVG: a blank line inside an HTML block would end it in CommonMark.
    chart: (options) => out.push(renderSvg(options, doc).replace(/\s*\n\s*/g, ' '), ''),
    diff(d) {
      const markup = { escape: escapeMarkdownInline, deleted: (t: string) => `~~${t}~~`, inserted: (t: string) => `**${t}**` };
      for (const p of changedPoints(d, markup)) out.push(`- ${p.status} ${p.numbers}: ${p.text}`);
      out.push('');
    },
    done: () => out.join('\n'),
  };
}

function htmlWriter(doc: Document): Writer {
  const out: string[] = [];
  return {
    heading: (level, text) => out.push(`<h${level}>${escapeHtml(text)}</h${level}>`),
    paragraph: (text) => out.push(`<p>${escapeHtml(text)}</p>`),
    list: (items) => out.push('<ul>', ...items.map((t) => `<li>${escapeHtml(t)}</li>`), '</ul>'),
    sources: (items) =>
      out.push('<ol class="sources">', ...items.map((x) => `<li>${escapeHtml(x.label)}: <a href="${escapeHtml(x.url)}" rel="noopener noreferrer nofollow">${escapeHtml(x.url)}</a></li>`), '</ol>'),
    section(s) {
      out.push(`<h4>${escapeHtml(s.title)}</h4>`);
      if (s.note) out.push(`<p>${escapeHtml(s.note)}</p>`);
      if (!s.rows.length) return void out.push('<p>(none)</p>');
      const cell = (tag: string, c: string | number) => `<${tag}${typeof c === 'number' ? ' class="num"' : ''}>${escapeHtml(fmt(c))}</${tag}>`;
      out.push(`<table><thead><tr>${s.header.map((h) => cell('th', h)).join('')}</tr></thead><tbody>`, ...s.rows.map((r) => `<tr>${r.map((c) => cell('td', c)).join('')}</tr>`), '</tbody></table>');
    },
    chart: (options) => out.push(`<div class="chart">${renderSvg(options, doc)}</div>`),
    diff(d) {
      const markup = { escape: escapeHtml, deleted: (t: string) => `<del>${t}</del>`, inserted: (t: string) => `<ins>${t}</ins>` };
      out.push('<ul class="diff">', ...changedPoints(d, markup).map((p) => `<li><b>${p.status}</b> ${p.numbers}: ${p.text}</li>`), '</ul>');
    },
    done: (title) =>
      [
        '<!doctype html>',
        '<html lang="en"><head><meta charset="utf-8">',
        // No scripts, no external resources: the page is self-contained and only displays.
        `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
        `<title>${escapeHtml(title)}</title>`,
        '<style>body{font-family:system-ui,sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#222}table{border-collapse:collapse;margin:.5em 0 1.5em;font-size:13px}th,td{border:1px solid #ccc;padding:2px 6px;text-align:left;vertical-align:top}td.num{text-align:right;font-variant-numeric:tabular-nums}.chart{margin:1em 0}.findings{border-left:4px solid #4269d0;padding:.2em 1em;background:#f5f7fc}.sources{font-size:13px;word-break:break-all}.chart h2{font-size:15px;margin:0}.chart h3{font-size:12px;font-weight:normal;color:#555;margin:0 0 .5em}del{background:#fdd}ins{background:#dfd;text-decoration:none}</style>',
        '</head><body>',
        ...out,
        '</body></html>',
        '',
      ].join('\n'),
  };
}

function tabular(w: Writer, t: Tabular): void {
  for (const s of t.sections) w.section(s);
}

/** Build the report. Runs the Monte Carlo simulation (the slow part; progress via `onProgress`). */
export async function buildReport(c: Case, opts: ReportOptions): Promise<string> {
  const { format, document, top = 15, against = 'draft-date', by: givenBy, ...run } = opts;
  const view = caseView(c, run);
  const w = format === 'html' ? htmlWriter(document) : markdownWriter(document);
  const forecastOpts = { models: run.models, asOf: run.asOf, scenario: run.scenario, ...(run.rounds !== undefined ? { rounds: run.rounds } : {}), ...(run.modelParams ? { modelParams: run.modelParams } : {}) };
  const zone = zoneOfAgreement(c, forecastOpts);
  const drafts = checkDrafts(c, { ...forecastOpts, against });
  const sim = await simulate(c, run);
  const sens = sensitivity(c, forecastOpts);
  const scen = compareScenarios(c, { models: run.models, asOf: run.asOf, ...(run.modelParams ? { modelParams: run.modelParams } : {}) });
  const tl = timeline(c, { models: run.models, scenario: run.scenario, ...(run.modelParams ? { modelParams: run.modelParams } : {}) });

  const title = `parley report: ${c.title}`;
  const names: Names = {
    actor: (id) => view.actors.find((a) => a.id === id)?.name ?? id,
    issue: (id) => view.issues.find((i) => i.id === id)?.title ?? id,
  };
  const latest = latestCaseDate(c);
  const by = givenBy ?? defaultHorizon(c, run.asOf);
  const outlook =
    by === null
      ? null
      : await forecastOutlook(c, {
          by,
          runs: sim.runs,
          seed: sim.seed,
          ...(run.models ? { models: run.models } : {}),
          ...(run.asOf ? { asOf: run.asOf } : {}),
          ...(run.scenario ? { scenario: run.scenario } : {}),
          ...(run.workers !== undefined ? { threads: run.workers } : {}),
        });
  const revisions = view.drafts.filter((d) => d.revises && view.drafts.some((x) => x.id === d.revises)).map((d) => diffDrafts(c, d.revises!, d.id, { asOf: run.asOf, scenario: run.scenario }));

  w.heading(1, title);
  w.paragraph(
    `Generated ${(opts.generatedAt ?? new Date()).toISOString().slice(0, 10)}. ` +
      (run.asOf ? `As of ${run.asOf}: only what the case records up to that date is used.` : `As of the case's latest record${latest ? `, ${latest}` : ''}.`) +
      (run.scenario ? ` Scenario: ${run.scenario}.` : ''),
  );
  if (c.description) w.paragraph(c.description);

  w.heading(2, 'Key findings');
  w.list(keyFindings({ view, names, zone, drafts, outlook, revisions }));
  if (outlook) {
    w.section({
      title: `Where a deal could land by ${outlook.agreement.by} (${outlook.model})`,
      note: 'If agreed: the median terms should an agreement come; the interval is of the outcome by the date, agreement or not (it sits on the status quo when an agreement is unlikely).',
      header: ['issue', 'status quo', 'if agreed', 'in words', '90% interval'],
      rows: outlook.issues.map((i) => {
        const issue = view.issues.find((x) => x.id === i.issue)!;
        return [names.issue(i.issue), fmt(i.statusQuo), fmt(i.ifAgreed), anchorText(issue, i.ifAgreed), `${fmt(i.interval90[0])}–${fmt(i.interval90[1])}`];
      }),
    });
  }
  w.paragraph(
    `Models: ${drafts.models.join(', ')}. Monte Carlo: ${sim.runs} runs, seed ${sim.seed}, ${sim.distribution} distributions. ` +
      "Utility: salience-weighted negative distance on the normalized scales (0 = the actor's ideal, −1 = the farthest package). The no-deal baseline (status-quo) forecasts the status quo on every issue.",
  );

  w.heading(2, 'Zone of agreement');
  tabular(w, zoneTables(zone, names));
  for (const iss of view.issues) w.chart(positionMap(view, iss.id, { zone, forecasts: drafts.forecasts, simulation: sim }));

  w.heading(2, 'Drafts');
  if (!drafts.drafts.length) w.paragraph('The case has no drafts.');
  else w.paragraph(against === 'latest' ? `Every draft is checked against the latest red lines and stances${run.asOf ? ` (as of ${run.asOf})` : ''}, whatever its date.` : "Each draft is checked against the red lines and stances in force on the draft's own date.");
  tabular(w, draftCheckTables(drafts, names));
  for (const diff of revisions) {
    w.heading(3, `What changed from ${diff.a.title} to ${diff.b.title}`);
    w.diff(diff);
    tabular(w, draftDiffTables(diff, names));
  }

  await dealSection(w, c, view, names, { asOf: run.asOf, scenario: run.scenario, seed: sim.seed });

  w.heading(2, 'Forecasts under uncertainty (Monte Carlo)');
  w.chart(quantileChart(sim));
  tabular(w, simulationTables(sim, names));

  // The agreement outlook (docs/agreement.md), on the same draws and seed as the Monte Carlo above.
  w.heading(2, 'Will there be a deal?');
  if (outlook === null) w.paragraph('The case has no dated stance, evidence, draft or event: give an as-of date (or --by with --as-of) to start the clock of the agreement outlook.');
  else {
    // Typed loosely in the contract (outlook-types.ts); forecastOutlook builds an AgreementBasis.
    const basis = outlook.agreementBasis as AgreementBasis;
    w.paragraph(`Probability of an agreement by ${by}${givenBy ? '' : ' (six months after the clock starts; choose the date with --by)'}: ${pct(outlook.agreement.probability)}, the same for every model.`);
    w.paragraph(basisSentence(basis, outlook.runs, outlook.seed, names.actor));
    if (run.modelParams) w.paragraph('The outlook runs every engine with its default parameters: the model parameters given apply to the other sections only.');
    for (const s of outlookSections({ ...outlook, agreementBasis: basis }, names.issue, names.actor)) w.section(s);
    w.paragraph('Intervals are of the outcome by the date, agreement or not: when an agreement is unlikely they sit on the status quo, which is also the forecast of the no-deal baseline (status-quo). "If agreed": the median terms should an agreement come.');
  }

  w.heading(2, 'Sensitivity');
  for (const m of sens.models) if (sens.tornado[m].length) w.chart(tornadoChart(sens, m, top));
  tabular(w, sensitivityTables(sens, top, names));

  w.heading(2, 'Scenarios');
  if (scen.scenarios.length < 2) w.paragraph('The case has no scenarios.');
  tabular(w, scenarioTables(scen, names));

  w.heading(2, 'Timeline');
  if (tl.points.length) {
    const scales = Object.fromEntries(view.issues.map((i) => [i.id, i.scale]));
    const titles = Object.fromEntries(view.issues.map((i) => [i.id, i.title]));
    for (const m of tl.models) w.chart(timelineChart(tl, m, scales, { events: c.events, titles }));
    tabular(w, timelineTables(tl, names));
  } else w.paragraph('No stance or evidence of the case is dated.');

  w.heading(2, 'Sources');
  const sources = sourcesOf(c);
  if (sources.length) w.sources(sources);
  else w.paragraph('No evidence of the case gives a URL.');
  return w.done(title);
}

const PACKAGE_LABEL: Record<Package['kind'], string> = { maxmin: 'max-min gain', nash: 'Nash product', ks: 'Kalai-Smorodinsky', nearest: 'nearest efficient' };
const listText = (xs: string[]) => (xs.length <= 2 ? xs.join(' and ') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);
const percent = (x: number | null) => (x === null ? '–' : `${(Math.round(x * 1000) / 10).toString()} %`);

/**
 * The deal (docs/deal.md): whether a package satisfies every veto holder; if one does, the max-min,
 * Nash and Kalai-Smorodinsky packages, every actor's gain and the frontier of the two weightiest veto
 * holders; the power indices under the case's decision rule; if none does, the levers that would open a
 * zone of agreement (the zone target of `parley levers`, its Monte Carlo share on the report's seed).
 */
async function dealSection(w: Writer, c: Case, view: Case, names: Names, run: { asOf?: string; scenario?: string; seed: number }): Promise<void> {
  w.heading(2, 'Deal');
  let deal: ReturnType<typeof findPackages>;
  try {
    deal = findPackages(view, await loadSolver());
  } catch (e) {
    // A case the deal cannot read (a discrete scale too fine to enumerate): said, and the rest of the report stands.
    if (!(e instanceof DealError)) throw e;
    return w.paragraph(`The packages could not be computed: ${e.message}.`);
  }
  if (deal.feasible) {
    w.paragraph(
      `A package satisfies every veto holder (${listText(deal.actors.map(names.actor))}). The max-min package makes the smallest of their gains over the status quo as large as it can be; ` +
        'gains are utility over the status quo × 100 (salience-weighted distance on each issue’s scale).',
    );
    const pks = deal.packages;
    const words = (iss: Case['issues'][number], v: number) => {
      const t = anchorText(iss, v);
      return t ? `${fmt(v)} (${t})` : fmt(v);
    };
    w.section({
      title: 'The packages, issue by issue',
      header: ['issue', 'status quo', ...pks.map((k) => PACKAGE_LABEL[k.kind])],
      rows: view.issues.map((iss) => [names.issue(iss.id), words(iss, iss.statusQuo), ...pks.map((k) => words(iss, k.values[iss.id]))]),
    });
    const um = utilityModel(view);
    const gain = (k: Package, i: number) => utilityOf(um, i, um.issues.map((id, n) => k.values[id] ?? um.statusQuo[n])) - utilityOf(um, i, um.statusQuo);
    w.section({
      title: 'Each actor’s gain over the status quo (utility × 100)',
      note: '(veto): an actor whose consent a deal needs; the packages balance their gains.',
      header: ['actor', ...pks.map((k) => PACKAGE_LABEL[k.kind])],
      rows: um.actors
        .map((id, i) => ({ id, i }))
        .filter(({ i }) => um.weight[i].some((x) => x > 0))
        .map(({ id, i }) => [`${names.actor(id)}${deal.actors.includes(id) ? ' (veto)' : ''}`, ...pks.map((k) => (gain(k, i) * 100).toFixed(1))]),
    });
    const pair = defaultFrontierPair(view, deal.actors);
    if (pair) {
      const f = twoActorFrontier(view, pair[0], pair[1], pks.map((k) => ({ label: PACKAGE_LABEL[k.kind], values: k.values })));
      w.chart(frontierChart(f, names.actor(pair[0]), names.actor(pair[1])));
      w.paragraph(frontierText(f, names.actor(pair[0]), names.actor(pair[1])));
    }
  } else {
    w.paragraph(
      `No package satisfies every veto holder: ${deal.emptyIssues.length ? `their red lines leave no common value on ${listText(deal.emptyIssues.map(names.issue))}` : 'their red lines admit no package together'}. ` +
        'The levers below are the smallest changes that would open a zone of agreement, and whose.',
    );
  }
  const power = casePower(view);
  const rule = power.rule === 'unanimity' ? 'unanimity of the veto holders' : power.rule === 'qualified-majority' ? 'a qualified majority' : 'a single decider';
  w.section({
    title: 'Who can block: power indices',
    note:
      `Decision rule${power.issue ? ` (${names.issue(power.issue)})` : ''}: ${rule}; indices ${power.method}. ` +
      `Minimal blocking coalitions: ${power.blocking.length ? power.blocking.map((b) => b.map(names.actor).join(' + ')).join('; ') : 'none'}.`,
    header: ['actor', 'Shapley-Shubik', 'Banzhaf'],
    rows: power.actors.map((a) => [names.actor(a.actor), percent(a.shapleyShubik), percent(a.banzhaf)]),
  });
  // Who blocks each draft and package (`parley power`): against it = a red line crossed or worse off than the status quo.
  const blocks = [
    ...draftsBlocking(view).map((d) => `${d.title}: ${blockingText(view, d, names)}.`),
    ...packagesBlocking(view, deal.packages).map((k) => `Package (${PACKAGE_LABEL[k.package as Package['kind']] ?? k.package}): ${blockingText(view, k, names)}.`),
  ];
  if (blocks.length) {
    w.paragraph('Who blocks each draft and package (against it: an actor whose red line it crosses, or who is worse off than under the status quo; by the red lines in force now):');
    w.list(blocks);
  }
  if (deal.feasible) return;
  const lv = await findLevers(c, { target: 'zone', seed: run.seed, ...(run.asOf ? { asOf: run.asOf } : {}), ...(run.scenario ? { scenario: run.scenario } : {}) });
  const what = (m: LeverMove) => (m.field === 'redLine' ? `red line (${m.bound === 'min' ? 'lower' : 'upper'} bound)` : m.field);
  const issueName = (id: string | null) => (id === null ? 'every issue' : names.issue(id));
  w.section({
    title: 'What would open a zone of agreement: levers',
    note:
      `Smallest first. "Works in draws": the share of ${lv.runs} Monte Carlo draws (seed ${lv.seed}) in which the lever opens the zone on its issue. ` +
      '"Outside its evidence": the move takes the actor beyond the range its evidence supports.',
    header: ['rank', 'actor', 'issue', 'what moves', 'from', 'to', 'by (% of scale)', 'works in draws', 'evidence', 'together with'],
    rows: lv.levers.map((l, n) => [
      n + 1,
      names.actor(l.actor),
      issueName(l.issue),
      what(l),
      l.from,
      l.to,
      percent(l.byNormalized),
      percent(l.mcShare),
      l.outsideEvidence ? 'OUTSIDE its evidence' : 'within',
      l.with.map((m) => `${names.actor(m.actor)}: ${what(m)} on ${issueName(m.issue)} ${fmt(m.from)} → ${fmt(m.to)}`).join('; ') || '–',
    ]),
  });
  for (const note of lv.notes) w.paragraph(note);
}

/**
 * Every URL the case's evidence cites, once, in order of first citation, labelled with its outlet
 * (or speaker), its dates and the evidence ids resting on it; candidates and rejected items are marked.
 */
export function sourcesOf(c: Case): Source[] {
  const byUrl = new Map<string, Case['evidence']>();
  for (const e of c.evidence) if (e.url) byUrl.set(e.url, [...(byUrl.get(e.url) ?? []), e]);
  return [...byUrl].map(([url, items]) => {
    const who = items.find((e) => e.outlet)?.outlet ?? items.find((e) => e.speaker)?.speaker ?? 'source';
    const dates = [...new Set(items.map((e) => e.date))].sort();
    const status = items.every((e) => e.status !== 'accepted') ? ` (${[...new Set(items.map((e) => e.status))].join(', ')})` : '';
    return { url, label: `${who}, ${dates.join(', ')}; evidence ${items.map((e) => e.id).join(', ')}${status}` };
  });
}

interface FindingsInput {
  view: ReturnType<typeof caseView>;
  names: Names;
  zone: ReturnType<typeof zoneOfAgreement>;
  drafts: ReturnType<typeof checkDrafts>;
  outlook: Awaited<ReturnType<typeof forecastOutlook>> | null;
  revisions: DraftDiff[];
}

/** The report's opening: the chance of agreement, who blocks what, where a deal could land, what changed between drafts. */
export function keyFindings({ view, names, zone, drafts, outlook, revisions }: FindingsInput): string[] {
  const out: string[] = [];
  const list = (xs: string[]) => (xs.length <= 2 ? xs.join(' and ') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);
  if (outlook) out.push(`Chance of an agreement by ${outlook.agreement.by}: ${pct(outlook.agreement.probability)}. Without one, the status quo stands (the no-deal baseline).`);
  if (zone.packagesExist) out.push("A package inside every veto holder's red lines exists on every issue.");
  else {
    const closed = zone.issues.filter((i) => i.zone === null);
    out.push(
      `No package respects every veto holder's red lines: they do not overlap on ${list(closed.map((i) => names.issue(i.issue)))}.`,
      ...closed.map((i) => {
        const moves = i.toOpen?.moves ?? [];
        return `${names.issue(i.issue)}: ${moves.length ? `${list([...new Set(moves.map((m) => names.actor(m.actor)))])} would have to move ${moves.length === 1 ? 'its red line' : 'their red lines'} by ${fmt(i.toOpen!.totalMovement)} in all (scale units) to open a zone` : `held apart by ${list(i.vetoHolders.map(names.actor))}`}.`;
      }),
    );
  }
  const latestDraft = [...drafts.drafts].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).at(-1);
  if (latestDraft) {
    out.push(
      latestDraft.vetoedBy.length
        ? `The latest draft, ${latestDraft.title} (${latestDraft.date}), crosses the veto red lines of ${list(latestDraft.vetoedBy.map(names.actor))}.`
        : `The latest draft, ${latestDraft.title} (${latestDraft.date}), crosses no veto red line.`,
    );
  }
  if (outlook) {
    const moved = outlook.issues
      .map((i) => ({ i, issue: view.issues.find((x) => x.id === i.issue)!, shift: Math.abs(i.ifAgreed - i.statusQuo) }))
      .filter((x) => x.shift > 1e-9)
      .sort((a, b) => b.shift / (b.issue.scale.max - b.issue.scale.min) - a.shift / (a.issue.scale.max - a.issue.scale.min))
      .slice(0, 3);
    if (moved.length) out.push(`If a deal comes, it moves most on ${list(moved.map((x) => `${names.issue(x.i.issue)} (to ${fmt(x.i.ifAgreed)}: ${anchorText(x.issue, x.i.ifAgreed)})`))}.`);
  }
  for (const d of revisions) {
    const changed = d.points.filter((p) => p.status !== 'unchanged').length;
    const gains = [...d.netGains].sort((a, b) => b.change - a.change);
    const best = gains[0];
    const worst = gains.at(-1)!;
    const sign = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(3)}`;
    out.push(
      `From ${d.a.title} to ${d.b.title}: ${changed} point${changed === 1 ? '' : 's'} changed; ` +
        (best && Math.abs(best.change) > 1e-9 ? `${names.actor(best.actor)} gains most (${sign(best.change)} utility), ${names.actor(worst.actor)} ${worst.change < 0 ? 'loses most' : 'gains least'} (${sign(worst.change)}).` : 'no actor gains or loses.'),
    );
  }
  return out;
}
