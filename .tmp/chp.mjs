import { readFileSync, readdirSync } from 'node:fs';
import * as chrono from 'chrono-node';
import { DATE_LIKE } from '/work/main/dist/evidence/dates.js';
const dir = process.argv[2] || '/tmp/bfold';
const paras = [];
for (const f of readdirSync(dir)) for (const l of readFileSync(dir + '/' + f, 'utf8').split('\n')) if (l.trim() && DATE_LIKE.test(l)) paras.push(l);
// batch ~4000 chars
const batches = []; let cur = '';
for (const p of paras) { if (cur.length + p.length > 4000) { batches.push(cur); cur = ''; } cur += (cur ? '\n\u0001\n' : '') + p; }
if (cur) batches.push(cur);
const instant = new Date('2026-03-04T12:00:00Z');
const base = chrono.casual.clone();
const time = (c) => { let t0 = performance.now(); for (let r = 0; r < 3; r++) for (const b of batches) c.parse(b, { instant, timezone: 0 }, { forwardDate: false }); return (performance.now() - t0) / 3; };
time(base); time(base);
const full = time(base);
console.log('batches', batches.length, 'chars', batches.reduce((a, b) => a + b.length, 0), 'full ms', full.toFixed(0));
for (let i = 0; i < base.parsers.length; i++) {
  const c = base.clone(); c.parsers.splice(i, 1);
  console.log((full - time(c)).toFixed(1).padStart(6), base.parsers[i].constructor.name);
}
const c = base.clone(); c.parsers = []; console.log('refiners only', time(c).toFixed(1));
console.log('--- alone');
let sum = 0;
for (let i = 0; i < base.parsers.length; i++) {
  const c = base.clone(); c.parsers = [base.parsers[i]]; c.refiners = [];
  time(c); const t = time(c); sum += t;
  console.log(t.toFixed(1).padStart(6), base.parsers[i].constructor.name);
}
console.log('sum', sum.toFixed(0));
