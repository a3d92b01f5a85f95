import { CaseFileError } from '../case/load.ts';

/** An error the CLI reports as a message (no stack) with an exit code: 1 invalid input, 2 wrong usage. */
export class CliError extends Error {
  constructor(message: string, public readonly exitCode: 1 | 2 = 1) {
    super(message);
  }
}

/** Run a command body, turning the errors users cause into CliErrors. */
export async function reportErrors<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof CaseFileError) throw new CliError(e.message, 1);
    throw e;
  }
}
