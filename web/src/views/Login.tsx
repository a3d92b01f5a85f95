import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { api, UNAUTHORIZED_EVENT, type Session } from '../api.ts';
import { Field } from '../components/Field.tsx';

/**
 * Who is signed in. When the server requires accounts and nobody is, the dashboard shows the login
 * form instead of its views; otherwise the header shows the user and a logout.
 */
export function SessionGate({ children, header }: { children: ReactNode; header: (bar: ReactNode) => ReactNode }) {
  const [session, setSession] = useState<Session | null>(null);
  const [error, setError] = useState<string>();
  useEffect(() => {
    const load = () => void api.session().then(setSession, (e: Error) => setError(e.message));
    load();
    window.addEventListener(UNAUTHORIZED_EVENT, load);
    return () => window.removeEventListener(UNAUTHORIZED_EVENT, load);
  }, []);
  const logout = async () => {
    await api.logout().catch(() => undefined);
    setSession(await api.session());
  };
  const bar = session?.user ? (
    <div className="session" data-testid="session">
      <span>
        Signed in as <strong data-testid="session-user">{session.user.name}</strong> <span className="muted">({session.user.role})</span>
      </span>{' '}
      <button type="button" className="small secondary" onClick={() => void logout()}>
        Log out
      </button>
    </div>
  ) : null;
  let body: ReactNode;
  if (error) body = <p className="error" role="alert">Could not reach the server: {error}</p>;
  else if (!session) body = null;
  else if (session.accountsRequired && !session.user)
    body = (
      <main id="main" tabIndex={-1}>
        <LoginForm onLogin={setSession} />
      </main>
    );
  else body = children;
  return (
    <>
      {header(bar)}
      {body}
    </>
  );
}

function LoginForm({ onLogin }: { onLogin: (s: Session) => void }) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const titleId = useId();
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setError(undefined);
    setBusy(true);
    try {
      onLogin(await api.login(name, password));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="item-form login" onSubmit={submit} aria-labelledby={titleId} data-testid="login">
      <h1 id={titleId}>Sign in</h1>
      <p className="muted">This workbench has accounts: sign in to read and edit its cases.</p>
      <div className="form-grid">
        <Field label="User name">{(id) => <input id={id} name="username" autoComplete="username" value={name} required onChange={(e) => setName(e.target.value)} />}</Field>
        <Field label="Password">
          {(id) => <input id={id} name="password" type="password" autoComplete="current-password" value={password} required onChange={(e) => setPassword(e.target.value)} />}
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </div>
      {error ? (
        <p className="error" role="alert">
          Not signed in: {error}
        </p>
      ) : null}
    </form>
  );
}
