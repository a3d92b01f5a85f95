/** A request the API refuses: its status and the field at fault (`error.path` in the response). */
export class ApiError extends Error {
  constructor(
    readonly status: 400 | 401 | 404 | 409 | 413 | 415,
    message: string,
    readonly path: string | null = null,
  ) {
    super(message);
  }
}
