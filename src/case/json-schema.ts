/**
 * The JSON Schema of case files, generated from the zod schemas (so editors complete and check
 * case files with the same rules the loader applies). Written to `schema/case.schema.json` by
 * `parley schema --out schema/case.schema.json`; a test keeps the checked-in copy current.
 */
import { z } from 'zod';
import { Case } from './schema.ts';

export const CASE_SCHEMA_ID = 'https://parley.example/schema/case.schema.json';

export function caseJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Case, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    $id: CASE_SCHEMA_ID,
    title: 'parley case file',
    description:
      'A multi-party negotiation: actors, issues (scales with anchors), dated stances (position and salience 0-100 as estimates, red lines), evidence, drafts, scenarios and events.',
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}

export const caseJsonSchemaText = (): string => `${JSON.stringify(caseJsonSchema(), null, 2)}\n`;
