/** Network failures worth a sentence of their own (undici's `fetch failed` hides them in `cause`). */
const REASONS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'unknown host',
  EAI_AGAIN: 'host name lookup failed',
  ECONNRESET: 'connection reset',
  ETIMEDOUT: 'timed out',
  UND_ERR_CONNECT_TIMEOUT: 'timed out',
};

/**
 * When `error` is a failure to reach the server: one line naming the URL tried and the settings that
 * change it; otherwise null (the server answered, and its own error says more).
 */
export function describeUnreachable(error: unknown, url: string): string | null {
  const reason = codesOf(error)
    .map((code) => REASONS[code])
    .find((found) => found !== undefined);
  if (!reason) return null;
  return `could not reach ${url} (${reason}): is tminus running (npm start)? Point --url or TMINUS_URL at its /graphql, or set PORT`;
}

/** The error codes along the `cause` chain (a wrapper, then fetch's TypeError, then the socket error). */
function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    if (typeof code === 'string') codes.push(code);
    current = cause;
  }
  return codes;
}
