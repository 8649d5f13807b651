/*
 * Everything the CLI prints that came from the gateway (titles, keys, messages, error texts) is
 * untrusted: an escape sequence in an item title could paint a fake green ALLOWED on a terminal, and a
 * newline could start a line with `::warning::`, which GitHub Actions runs as a workflow command.
 */

/**
 * Characters that move the cursor, change colours, end lines or reorder text: C0 controls, DEL and C1
 * controls (`Cc`; U+009B is a one-byte CSI on some terminals), bidi marks, embeddings, overrides and
 * isolates (`Bidi_Control`), and the Unicode line and paragraph separators (`Zl`, `Zp`).
 */
const UNSAFE_IN_A_FIELD = /[\p{Cc}\p{Bidi_Control}\p{Zl}\p{Zp}]/gu;

/** The same, minus the newline: what may never reach the terminal even between the CLI's own lines. */
const UNSAFE_IN_OUTPUT = /(?!\n)[\p{Cc}\p{Bidi_Control}\p{Zl}\p{Zp}]/gu;

/** `\u001b` for ESC: visible, unambiguous, and valid inside a JSON string too. */
const escapeCharacter = (character: string): string =>
  `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** One server-supplied value, shown on one line as text: every unsafe character escaped. */
export const safeField = (value: string): string => value.replace(UNSAFE_IN_A_FIELD, escapeCharacter);

export const REDACTED = '[redacted]';

/** Real tokens are 46 characters; replacing a 1-letter test token everywhere would garble every message. */
const MIN_SECRET_LENGTH = 8;

/** RFC 6750 `b64token`: what a bearer token may consist of. */
export const BEARER_TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

// A bearer credential in a message from a library (e.g. fetch's "invalid header value" error); only
// token characters, so a quote after it (in JSON) is kept.
const BEARER = /(Bearer\s+)[A-Za-z0-9\-._~+/]+=*/gi;

/**
 * The last filter before stdout and stderr, whatever printed the text: secrets replaced, unsafe
 * characters escaped (newlines kept: they are the CLI's own), and no line left starting with `::`.
 */
export function safeOutput(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets)
    if (secret.length >= MIN_SECRET_LENGTH) out = out.split(secret).join(REDACTED);
  return out
    .replace(BEARER, `$1${REDACTED}`)
    .replace(UNSAFE_IN_OUTPUT, escapeCharacter)
    .replace(/^::/gm, ' ::');
}
