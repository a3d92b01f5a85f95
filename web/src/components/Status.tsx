import { ApiError } from '../api.ts';

/** An error as the reader needs it: the message, and the field the server named. */
export function ErrorNote({ error }: { error: Error | undefined }) {
  if (!error) return null;
  const path = error instanceof ApiError && error.path ? ` (field: ${error.path})` : '';
  return (
    <p className="error" role="alert">
      {error.message}
      {path}
    </p>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="muted" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}
