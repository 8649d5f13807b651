import type { GithubCredentials } from '../config/github-config';
import { createAppJwt } from './app-jwt';
import { GithubApiError, githubHeaders, type Fetch } from './github-http';

/** The bearer token for calls about one installation's repositories. */
export interface GithubAuth {
  tokenFor(installationId: number | null): Promise<string>;
}

/** A fixed token (GITHUB_TOKEN): a PAT or an app installation token managed elsewhere. */
export const staticTokenAuth = (token: string): GithubAuth => ({ tokenFor: async () => token });

interface CachedToken {
  readonly token: string;
  readonly expiresAt: number;
}

/** Installation tokens live an hour; renew a few minutes early so none expires mid-call. */
const RENEW_BEFORE_MS = 5 * 60_000;

/**
 * GitHub App authentication: a JWT signed with the app's key buys an installation access token
 * (`POST /app/installations/{id}/access_tokens`), cached per installation until shortly before it expires.
 */
export class AppInstallationAuth implements GithubAuth {
  private readonly cache = new Map<number, CachedToken>();

  constructor(
    private readonly options: {
      readonly appId: string;
      readonly privateKeyPem: string;
      readonly apiUrl: URL;
      readonly fetch?: Fetch;
      readonly clock?: () => Date;
    },
  ) {}

  async tokenFor(installationId: number | null): Promise<string> {
    if (installationId === null) {
      throw new GithubApiError(
        'The webhook named no installation, so no GitHub App token can be made',
        null,
        false,
      );
    }
    const now = (this.options.clock ?? (() => new Date()))();
    const cached = this.cache.get(installationId);
    if (cached && cached.expiresAt - RENEW_BEFORE_MS > now.getTime()) return cached.token;
    const token = await this.fetchToken(installationId, now);
    this.cache.set(installationId, token);
    return token.token;
  }

  private async fetchToken(installationId: number, now: Date): Promise<CachedToken> {
    const url = new URL(`app/installations/${installationId}/access_tokens`, withSlash(this.options.apiUrl));
    const jwt = createAppJwt(this.options.appId, this.options.privateKeyPem, now);
    const response = await (this.options.fetch ?? fetch)(url, {
      method: 'POST',
      headers: githubHeaders(jwt),
      signal: AbortSignal.timeout(10_000),
    }).catch((error: unknown) => {
      throw new GithubApiError(`cannot reach ${url.origin}: ${(error as Error).message}`, null, true);
    });
    const body = (await response.json().catch(() => null)) as {
      token?: unknown;
      expires_at?: unknown;
    } | null;
    if (response.status !== 201 || typeof body?.token !== 'string') {
      throw GithubApiError.fromStatus(response.status, 'installation token');
    }
    const expiresAt =
      typeof body.expires_at === 'string' ? Date.parse(body.expires_at) : now.getTime() + 3_600_000;
    return { token: body.token, expiresAt };
  }
}

const withSlash = (url: URL): URL => new URL(url.href.endsWith('/') ? url.href : `${url.href}/`);

export function githubAuthOf(
  credentials: GithubCredentials,
  apiUrl: URL,
  fetchImpl?: Fetch,
): GithubAuth | null {
  switch (credentials.kind) {
    case 'token':
      return staticTokenAuth(credentials.token);
    case 'app':
      return new AppInstallationAuth({ ...credentials, apiUrl, fetch: fetchImpl });
    case 'none':
      return null;
  }
}
