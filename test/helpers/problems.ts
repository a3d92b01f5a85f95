import { CaseFileError, type CaseProblem } from '../../src/case/load.ts';

/** The problems of the CaseFileError that `f` throws (fails the test when it throws none, or another error). */
export function caseFileProblems(f: () => unknown): CaseProblem[] {
  try {
    f();
  } catch (e) {
    if (e instanceof CaseFileError) return e.problems;
    throw e;
  }
  throw new Error('expected a CaseFileError');
}
