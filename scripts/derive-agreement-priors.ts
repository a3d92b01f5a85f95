/**
 * Derives the EU-legislation base rate of docs/agreement.md from the DEU III training file's own
 * introduction and final-act dates (Arregui & Perarnaud 2021, CC BY 4.0, doi:10.34810/data53). The
 * data stays in ../shared; only the printed numbers are committed (src/analysis/agreement.ts).
 *
 *   node --import tsx scripts/derive-agreement-priors.ts [../shared/reference/deu/deu3_train.tsv]
 *
 * The dates in that copy went through a spreadsheet: "dd-mm-yy" strings are as written, but a value
 * such as 2014-07-04 is "14-07-04" read as yy-mm-dd (so: day 14, month 07, year 2004), and 1930-05-01
 * is "30-05-01" with a two-digit year ≥ 30 read as 19yy (day 30, month 05, year 2001). 999 is "no
 * final act" (withdrawn or pending when the data were collected).
 *
 * The prior is a mixture cure model (Boag 1949; Berkson & Gage 1952): a share c of proposals is
 * ever adopted, and those that are, after an exponential time with rate λ, so P(adopted by t) =
 * c·(1 − e^(−λt)). c = adopted / all proposals; λ = adopted / Σ their durations (the exponential
 * maximum-likelihood rate among the adopted ones).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const file = resolve(process.argv[2] ?? '../shared/reference/deu/deu3_train.tsv');
const rows = readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
const unq = (s: string) => s.replace(/^"|"$/g, '');
const header = rows[0].split('\t').map(unq);
const col = (name: string) => header.indexOf(name);
const [iPr, iIntro, iFin] = [col('prnr'), col('intro'), col('finact')];

/** A date of the file, undoing the spreadsheet's reading; null for 999 or an empty cell. */
function parseDate(raw: string): Date | null {
  const s = unq(raw.trim());
  if (s === '' || s === '999') return null;
  let m = /^(\d{2})-(\d{2})-(\d{2}|\d{4})$/.exec(s);
  if (m) {
    const yy = Number(m[3]);
    const y = m[3].length === 4 ? yy : yy >= 50 ? 1900 + yy : 2000 + yy; // DEU III proposals date from 1996 on
    return new Date(Date.UTC(y, Number(m[2]) - 1, Number(m[1])));
  }
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return new Date(Date.UTC(2000 + Number(m[3]), Number(m[2]) - 1, Number(m[1].slice(2))));
  throw new Error(`unreadable date "${s}"`);
}

const proposals = new Map<string, { intro: Date | null; fin: Date | null }>();
for (const line of rows.slice(1)) {
  const cells = line.split('\t');
  const pr = unq(cells[iPr] ?? '');
  if (!pr) continue; // the GDP row
  if (!proposals.has(pr)) proposals.set(pr, { intro: parseDate(cells[iIntro]), fin: parseDate(cells[iFin]) });
}
const years = (a: Date, b: Date) => (b.getTime() - a.getTime()) / (365.25 * 86400e3);
const durations: number[] = [];
let bad = 0;
for (const { intro, fin } of proposals.values()) {
  if (!intro || !fin) continue;
  const d = years(intro, fin);
  if (d <= 0) bad++;
  else durations.push(d);
}
const n = proposals.size;
const adopted = durations.length;
const c = adopted / n;
const lambda = adopted / durations.reduce((s, d) => s + d, 0);
const sorted = [...durations].sort((a, b) => a - b);
const median = sorted[Math.floor((sorted.length - 1) / 2)];
console.log(JSON.stringify({ file: file.split('/').slice(-2).join('/'), proposals: n, adopted, withoutFinalAct: n - adopted - bad, finalActBeforeIntro: bad, ceiling: +c.toFixed(3), ratePerYear: +lambda.toFixed(3), halfLifeYears: +(Math.LN2 / lambda).toFixed(2), meanYears: +(1 / lambda).toFixed(2), medianYears: +median.toFixed(2) }, null, 2));
