/**
 * Validation of a case that arrives as data (an API body, a stored revision being changed): the
 * zod schema, then the semantic checks of src/case/validate.ts, each problem with its field path
 * written the way case-file errors write it (`stances[3].position.value`).
 */
import { Case } from '../case/schema.ts';
import { checkCase } from '../case/validate.ts';
import { pathToString } from '../case/load.ts';

export interface FieldProblem {
  path: string;
  message: string;
}

export function validateCase(data: unknown): { case?: Case; problems: FieldProblem[] } {
  const parsed = Case.safeParse(data);
  if (!parsed.success) {
    return { problems: parsed.error.issues.map((i) => ({ path: pathToString(i.path as PropertyKey[]), message: i.message })) };
  }
  const problems = checkCase(parsed.data).map((p) => ({ path: pathToString(p.path), message: p.message }));
  return problems.length ? { problems } : { case: parsed.data, problems };
}
