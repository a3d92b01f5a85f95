import { useState } from 'react';
import { apiToken } from '../api.ts';
import { Field } from '../components/Field.tsx';

/** Writes need a token when the server listens beyond 127.0.0.1; kept for this tab only. */
export function TokenField() {
  const [token, setToken] = useState(apiToken.get());
  return (
    <details className="token">
      <summary>API token{token ? ' (set)' : ''}</summary>
      <form onSubmit={(e) => e.preventDefault()}>
      <Field label="Token for writes">
        {(id) => (
        <input id={id}
          type="password"
          autoComplete="off"
          value={token}
          onChange={(e) => {
            setToken(e.target.value);
            apiToken.set(e.target.value);
          }}
        />
        )}
      </Field>
      </form>
    </details>
  );
}
