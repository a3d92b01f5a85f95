/** What the store reports when a request cannot be met; the server maps each to an HTTP status. */
import type { FieldProblem } from './validate.ts';

export class StoreError extends Error {}

/** Unknown case, revision or run (HTTP 404). */
export class NotFoundError extends StoreError {}

/** The id exists already, or the case changed since the revision the writer read (HTTP 409). */
export class ConflictError extends StoreError {}

/** The case would not be valid after the change; nothing was written (HTTP 400). */
export class InvalidCaseError extends StoreError {
  constructor(public readonly problems: FieldProblem[]) {
    super(problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; '));
  }
}
