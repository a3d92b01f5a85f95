/**
 * Fit the shipped error models and the ensemble weights on the DEU III training file and write them
 * (numbers only: quantiles of residuals and weights, no data) to src/analysis/error-models.json with
 * their provenance (the file's SHA-256, the date, the number of issues and proposals).
 *
 *   node --import tsx scripts/fit-error-models.ts [../shared/reference/deu/deu3_train.tsv]
 *
 * Never run it on deu3_per_issue_outcomes_and_forecasts_schelling.csv: that file holds the outcomes
 * of the proposals outside the training file, kept for out-of-sample figures (issue 11).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fitShipped } from '../src/analysis/backtest.ts';
import { parseDeuByProposal } from '../src/formats/deu.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const file = process.argv[2] ?? join(root, '../shared/reference/deu/deu3_train.tsv');
if (/schelling/i.test(basename(file))) {
  console.error(`refusing to fit on ${file}: it holds the held-out outcomes`);
  process.exit(2);
}
const bytes = readFileSync(file);
const fit = fitShipped(parseDeuByProposal(bytes.toString('utf8'), file), { seed: 1 });
const round = (x: number) => Number(x.toFixed(6));
const models = Object.fromEntries(
  Object.entries(fit.errorModels).map(([m, e]) => [m, { n: e.n, cut: round(e.cut), pooled: e.pooled.map(round), near: e.near.map(round), far: e.far.map(round) }]),
);
const out = {
  provenance: {
    file: basename(file),
    sha256: createHash('sha256').update(bytes).digest('hex'),
    date: new Date().toISOString().slice(0, 10),
    issues: fit.issues,
    proposals: fit.proposals,
    script: 'scripts/fit-error-models.ts',
    note: 'Residual quantiles on the 0–1 scale (41 levels, Hyndman–Fan type 7); ensemble (weights and snap radius) chosen by 5-fold nested cross-validation by proposal, seed 1.',
  },
  models,
  ensemble: { method: fit.ensemble.method, weights: Object.fromEntries(Object.entries(fit.ensemble.weights).map(([m, w]) => [m, round(w)])), snap: round(fit.ensemble.snap) },
};
writeFileSync(join(root, 'src/analysis/error-models.json'), `${JSON.stringify(out, null, 2)}\n`);
console.log(`fitted on ${fit.issues} issues of ${fit.proposals} proposals; ensemble: ${out.ensemble.method} ${JSON.stringify(out.ensemble.weights)}, snap ${out.ensemble.snap}`);
