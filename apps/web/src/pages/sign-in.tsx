import { useState, type FormEvent } from 'react';
import { ApiError, request } from '../api/client';
import { ViewerQuery } from '../api/operations';
import { storeToken } from '../api/session';
import { ErrorMessage } from '../components/error-message';

const explain = (error: unknown): string =>
  error instanceof ApiError && error.code === 'UNAUTHENTICATED'
    ? 'That API token is not valid: it is wrong, or it was revoked.'
    : `Could not sign in: ${error instanceof Error ? error.message : String(error)}`;

/** One field, one button: the token is checked against the API before it is kept. */
export const SignIn = ({ onSignedIn }: { onSignedIn: (token: string) => void }) => {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await request(token.trim(), ViewerQuery, {});
      storeToken(token.trim());
      onSignedIn(token.trim());
    } catch (failure) {
      setError(explain(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="sign-in">
      <h1>tminus</h1>
      <p>Sign in with an API token to follow launches and work on checklists.</p>
      <form onSubmit={submit}>
        <label htmlFor="token">API token</label>
        <input
          id="token"
          type="password"
          autoComplete="off"
          required
          value={token}
          onChange={(event) => setToken(event.target.value)}
        />
        <button type="submit" disabled={busy}>
          Sign in
        </button>
      </form>
      {error && <ErrorMessage>{error}</ErrorMessage>}
    </main>
  );
};
