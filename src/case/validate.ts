/**
 * Checks a case beyond its types: unique ids, references that resolve, values inside each issue's
 * scale, estimate ranges in order, red lines that admit at least one value.
 */
import type { Case } from './schema.ts';

export interface SemanticProblem {
  path: (string | number)[];
  message: string;
}

export function checkCase(c: Case): SemanticProblem[] {
  const problems: SemanticProblem[] = [];
  // Filled in by the case-model work (issue 2): see test/case.
  void c;
  return problems;
}
