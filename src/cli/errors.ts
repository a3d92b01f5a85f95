/**
 * The CLI's error handling. This module imports nothing: main.ts loads it on every start, before it
 * knows which command runs, so it must not pull in the case loader or anything else.
 */

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
    if (hasClass(e, 'CaseFileError')) throw new CliError((e as Error).message, 1);
    throw e;
  }
}

/**
 * The project's own error classes that mean "the input or the request is wrong", not "parley has a
 * bug", with the exit code each gets when a command lets one through unconverted (1 invalid input,
 * 2 wrong usage). Every other error (a RangeError or TypeError from a bug, say) is internal: main
 * prints it with its stack and exits 3.
 *
 * Recognised by class name along the prototype chain rather than `instanceof`, so that `main` can
 * tell them apart without importing the modules that declare them (importing the case loader, the
 * engines or the server would cost the start-up time the lazy command list saves); subclasses
 * (NotFoundError extends StoreError, FetchArticleError extends ArticleInputError) count through
 * their parent. test/cli/startup.test.ts checks that each name is a real class of src/ extending
 * Error, so a rename cannot silently turn a user error into an internal one.
 */
export const USER_ERROR_CLASSES: Readonly<Record<string, 1 | 2>> = {
  CliError: 1, // src/cli/errors.ts (carries its own code)
  CaseFileError: 1, // src/case/load.ts
  StoreError: 1, // src/store/errors.ts: NotFoundError, ConflictError, InvalidCaseError
  ArticleInputError: 1, // src/evidence/input.ts; FetchArticleError (src/evidence/fetch.ts)
  EvidenceNotFoundError: 1, // src/evidence/case-file.ts
  UrlRefusedError: 1, // src/net/url-guard.ts: a URL the guard will not fetch
  SimulationCancelled: 1, // src/analysis/montecarlo.ts
  UnknownModelError: 2, // src/analysis/forecast.ts
  UnknownScenarioError: 2, // src/case/view.ts
  UnknownDraftError: 2, // src/analysis/drafts.ts
  ParamError: 2, // src/engines/params.ts: a model parameter out of range or of the wrong type (SmpParameterError)
  ServerConfigError: 2, // src/server/index.ts
  LogConfigError: 2, // src/server/log.ts: PARLEY_LOG is neither json nor text
  EntryError: 1, // src/record/entry.ts: a forecast-record entry that does not check out
  ResolutionError: 1, // src/record/resolution.ts
  QuestionConflict: 1, // src/record/question.ts
};

/** The exit code of a user error (see USER_ERROR_CLASSES), or undefined for an internal error. */
export function userErrorExitCode(e: unknown): 1 | 2 | undefined {
  if (e instanceof CliError) return e.exitCode === 2 ? 2 : 1;
  for (const name of classNames(e)) if (Object.hasOwn(USER_ERROR_CLASSES, name)) return USER_ERROR_CLASSES[name];
  return undefined;
}

/** The class names along an error's prototype chain, most derived first, up to (not including) Error. */
function classNames(e: unknown): string[] {
  const names: string[] = [];
  if (!(e instanceof Error)) return names;
  for (let p = Object.getPrototypeOf(e) as object | null; p && p !== Error.prototype; p = Object.getPrototypeOf(p) as object | null) {
    const name = (p as { constructor?: { name?: string } }).constructor?.name;
    if (name) names.push(name);
  }
  return names;
}

/** Whether `e` is an instance of the project class named `name` (or of a subclass), without importing it. */
export const hasClass = (e: unknown, name: string): boolean => classNames(e).includes(name);

/** The report of an internal error: a bug, not the user's input. */
export function formatInternalError(e: unknown): string {
  const detail = e instanceof Error ? (e.stack ?? `${e.name}: ${e.message}`) : String(e);
  return `parley: internal error (a bug in parley, not in your input; please report it with the lines below)\n${detail}\n`;
}
