/** The crashes the fuzz tests found, each as a plain test (they ran into a 500 or an unlocated error before the fix). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBdmCsv } from '../../src/formats/bdm-csv.ts';
import { parseDecide } from '../../src/formats/decide.ts';
import { parseDeu } from '../../src/formats/deu.ts';
import { parseKtabXml } from '../../src/formats/ktab.ts';
import { resolveModels, UnknownModelError } from '../../src/analysis/forecast.ts';
import { createApp } from '../../src/server/app.ts';
import { createStore, type Store } from '../../src/store/index.ts';
import { caseFileProblems } from '../helpers/problems.ts';
import { sampleCase } from '../store/backends.ts';

describe('importers: a quote error is located in the file given', () => {
  it('BDM CSV, decide and DEU name the file, line and column of text after a closing quote', () => {
    expect(caseFileProblems(() => parseBdmCsv('Actor,Capability,Position,Salience\nA,2,10,0.5\n"B"x,1,30,1\n', 'firms.csv'))[0]).toMatchObject({ file: 'firms.csv', line: 3 });
    expect(caseFileProblems(() => parseDecide("#A;North;North Town;\n#A;'South'x;South Town;\n#P;road;Road;\n", 'towns.csv'))[0]).toMatchObject({ file: 'towns.csv', line: 2 });
    const header = 'prnr;prname;isnr;proc;pcom;pep;pfr;scom;sep;sfr;rp;out';
    expect(caseFileProblems(() => parseDeu(`${header}\nd1;"D"x;d1i1;COD;80;60;999;100;50;;0;50\n`, 'deu.csv'))[0]).toMatchObject({ file: 'deu.csv', line: 2 });
    expect(caseFileProblems(() => parseDeu(`"prnr"x;${header}\n`, 'deu.csv'))[0]).toMatchObject({ file: 'deu.csv', line: 1 });
  });

  it('KTAB XML: &#x110000; is a located error, not a RangeError (issue 17)', () => {
    const p = caseFileProblems(() => parseKtabXml('<?xml version="1.0"?>\n<Scenario><name>x &#x110000;</name></Scenario>', 'big.xml'));
    expect(p[0]).toMatchObject({ file: 'big.xml', line: 2 });
  });
});

describe('model names that are Object.prototype keys', () => {
  it('"toString" and "constructor" are unknown models, not engines', () => {
    for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) expect(() => resolveModels([name]), name).toThrow(UnknownModelError);
  });
});

describe('API', () => {
  let store: Store;
  beforeAll(async () => {
    store = await createStore(':memory:');
    await store.createCase(sampleCase('talks'));
    const undated = sampleCase('undated');
    undated.stances = (undated.stances ?? []).filter((s) => !s.date).map(({ evidence: _e, ...s }) => s);
    undated.evidence = [];
    undated.drafts = [];
    undated.events = [];
    await store.createCase(undated);
  });
  afterAll(() => store.close());
  const post = async (path: string, body: unknown) => {
    const res = await createApp({ store }).app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, json: (await res.json()) as { error: { path: string | null; message: string } } };
  };

  it('a forecast of model "toString" is a 400 naming models (was a 500: table.find is not a function)', async () => {
    const r = await post('/api/cases/talks/forecast', { models: ['toString'] });
    expect([r.status, r.json.error.path]).toEqual([400, 'models']);
    expect(r.json.error.message).toMatch(/^unknown model "toString"/);
  });

  it('a record entry of a case with no dated item and no asOf is a 400 naming asOf (was a 500: RangeError)', async () => {
    const r = await post('/api/cases/undated/record', { question: 'undated-1', by: '2026-12-31', text: 'Will they agree?', runs: 5 });
    expect([r.status, r.json.error.path]).toEqual([400, 'asOf']);
    const before = await post('/api/cases/talks/record', { question: 'talks-1', by: '2024-01-01', runs: 5 });
    expect([before.status, before.json.error.path]).toEqual([400, 'by']);
    expect(before.json.error.message).toBe('body.by: 2024-01-01 is before the case’s latest date 2025-03-01; an agreement by then would already be in the case');
  });
});
