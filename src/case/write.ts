/** Writing a case back to YAML or JSON (export, `--case` write-back, round trips). */
import { stringify } from 'yaml';
import type { Case } from './schema.ts';

/** Header line that lets YAML editors complete and check the file against the case schema. */
export const schemaComment = (schemaPath = '../schema/case.schema.json') => `# yaml-language-server: $schema=${schemaPath}\n`;

export function caseToYaml(c: Case, opts: { schemaPath?: string } = {}): string {
  const body = stringify(c, { lineWidth: 0, aliasDuplicateObjects: false });
  return opts.schemaPath ? schemaComment(opts.schemaPath) + body : body;
}

export const caseToJson = (c: Case): string => `${JSON.stringify(c, null, 2)}\n`;
