/** docs/parameters.md is what scripts/params-doc.ts renders from the tables (regenerate when a table changes). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { engineParams } from '../../src/engines/index.ts';
import { DOC_PATH, renderParametersDoc } from '../../scripts/params-doc.ts';

describe('docs/parameters.md', () => {
  it('matches the engines’ tables (node --import tsx scripts/params-doc.ts rewrites it)', () => {
    expect(readFileSync(DOC_PATH, 'utf8')).toBe(renderParametersDoc());
  });

  it('has one row per parameter of every table', () => {
    const doc = renderParametersDoc();
    for (const [model, table] of Object.entries(engineParams)) {
      const section = doc.slice(doc.indexOf(`### ${model}\n`));
      for (const spec of table) expect(section).toContain(`| \`${spec.name}\``);
    }
  });
});
