import { CliError } from './exit-codes';
import { BEARER_TOKEN, safeField } from './safe-text';

export const DEFAULT_GATEWAY_URL = 'http://127.0.0.1:4000';

/** Where to reach tminus and as whom, with where each came from (error messages name what to change). */
export interface Connection {
  readonly baseUrl: URL;
  readonly token: string;
  /** Where the URL came from: what a user changes when it is wrong. */
  readonly urlSource: UrlOption | 'TMINUS_URL' | 'default';
  readonly tokenSource: '--token' | 'TMINUS_TOKEN';
}

/** The option naming the gateway: `--url`, or `--gateway` where `--url` means something else (`check`). */
export type UrlOption = '--url' | '--gateway';

export interface RawConnectionOptions {
  readonly url?: string;
  readonly token?: string;
}

/** The role a command needs: the "no token" message says how to get such a token. */
export type NeededRole = 'PIPELINE' | 'LAUNCH_MANAGER' | 'ADMIN';

export function parseGatewayUrl(raw: string, source = '--url'): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new CliError(`invalid gateway URL '${safeField(raw)}' in ${source} (e.g. ${DEFAULT_GATEWAY_URL})`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CliError(`invalid gateway URL '${safeField(raw)}' in ${source}: use http:// or https://`);
  }
  return url;
}

/** Fills the URL and token from the options, then the environment, and checks them before any request. */
export function resolveConnection(
  raw: RawConnectionOptions,
  env: Readonly<Record<string, string | undefined>>,
  role: NeededRole = 'PIPELINE',
  urlOption: UrlOption = '--url',
): Connection {
  const envUrl = env.TMINUS_URL?.trim();
  const urlSource = raw.url !== undefined ? urlOption : envUrl ? 'TMINUS_URL' : 'default';
  const baseUrl = parseGatewayUrl(raw.url ?? (envUrl || DEFAULT_GATEWAY_URL), urlSource);
  const token = (raw.token ?? env.TMINUS_TOKEN ?? '').trim();
  if (token === '') throw new CliError(noTokenMessage(baseUrl, role));
  const tokenSource = raw.token === undefined ? 'TMINUS_TOKEN' : '--token';
  // Checked here, never echoed: fetch would otherwise quote the whole header in its error.
  if (!BEARER_TOKEN.test(token)) {
    throw new CliError(
      `the token in ${tokenSource} holds characters a token cannot have (spaces, line breaks or control characters): copy it again`,
    );
  }
  return { baseUrl, token, urlSource, tokenSource };
}

/** A first run in a pipeline: say exactly how to get the token, not only that it is missing. */
export function noTokenMessage(baseUrl: URL, role: NeededRole): string {
  const graphql = new URL('graphql', withTrailingSlash(baseUrl)).href;
  const name = role === 'PIPELINE' ? 'ci' : 'tminus-cli';
  const mutation = `mutation { createApiToken(input: { name: \\"${name}\\", role: ${role}, userId: \\"${name}\\" }) { token } }`;
  return [
    `no token: set TMINUS_TOKEN (or pass --token) to ${role === 'ADMIN' ? 'an' : 'a'} ${role} token.`,
    `  An ADMIN creates one once (it is shown once; keep it as a masked CI secret):`,
    `  curl -sS ${graphql} -H "Authorization: Bearer $TMINUS_ADMIN_TOKEN" -H 'content-type: application/json' \\`,
    `    -d '{"query":"${mutation}"}'`,
  ].join('\n');
}

export const withTrailingSlash = (base: URL): URL =>
  new URL(base.href.endsWith('/') ? base.href : `${base.href}/`);

/** Appended to every "could not reach" message: which setting to change. */
export const urlHint = (source: Connection['urlSource'] = 'default'): string =>
  source === 'default'
    ? `TMINUS_URL is not set and the default is ${DEFAULT_GATEWAY_URL}: set TMINUS_URL to the gateway`
    : `check ${source}`;

export const tokenHint = (source: Connection['tokenSource'] = 'TMINUS_TOKEN'): string => `check ${source}`;
