import { useState } from 'react';
import { apiToken } from '../api.ts';

/** Writes need a token when the server listens beyond 127.0.0.1; kept for this tab only. */
export function TokenField() {
  const [token, setToken] = useState(apiToken.get());
  return (
    <details className="token">
      <summary>API token{token ? ' (set)' : ''}</summary>
      <label>
        Token for writes
        <input
          type="password"
          autoComplete="off"
          value={token}
          onChange={(e) => {
            setToken(e.target.value);
            apiToken.set(e.target.value);
          }}
        />
      </label>
    </details>
  );
}
