import type { GithubAuth } from './github-auth';
import { GithubApiError, githubHeaders, type Fetch } from './github-http';

/** `POST {deployment_callback_url}`: a verdict (`state`) or, without one, a progress comment. */
export interface ReviewCall {
  readonly callbackUrl: string;
  readonly installationId: number | null;
  readonly environmentName: string;
  readonly state?: 'approved' | 'rejected';
  readonly comment: string;
}

/**
 * Answers GitHub's custom deployment protection rule ("Review custom deployment protection rules for
 * a workflow run"). Only URLs under the configured API base are called: the token never leaves for
 * another host, whatever a payload says.
 */
export class GithubClient {
  constructor(
    private readonly apiUrl: URL,
    private readonly auth: GithubAuth,
    private readonly fetchImpl: Fetch = fetch,
  ) {}

  isTrustedCallback(callbackUrl: string): boolean {
    if (!URL.canParse(callbackUrl)) return false;
    const url = new URL(callbackUrl);
    const base = this.apiUrl.pathname.endsWith('/') ? this.apiUrl.pathname : `${this.apiUrl.pathname}/`;
    return url.origin === this.apiUrl.origin && (url.pathname + '/').startsWith(base);
  }

  /** Resolves when GitHub accepted the call; throws a {@link GithubApiError} otherwise. */
  async review(call: ReviewCall): Promise<void> {
    if (!this.isTrustedCallback(call.callbackUrl)) {
      throw new GithubApiError(
        `callback URL ${call.callbackUrl} is not under ${this.apiUrl.href}`,
        null,
        false,
      );
    }
    const token = await this.auth.tokenFor(call.installationId);
    const body = call.state
      ? { environment_name: call.environmentName, state: call.state, comment: call.comment }
      : { environment_name: call.environmentName, comment: call.comment };
    const response = await this.fetchImpl(call.callbackUrl, {
      method: 'POST',
      headers: { ...githubHeaders(token), 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    }).catch((error: unknown) => {
      throw new GithubApiError(
        `cannot reach ${new URL(call.callbackUrl).origin}: ${(error as Error).message}`,
        null,
        true,
      );
    });
    await response.arrayBuffer().catch(() => undefined);
    if (response.status < 200 || response.status >= 300) {
      throw GithubApiError.fromStatus(
        response.status,
        call.state ? `${call.state} review` : 'progress comment',
      );
    }
  }
}
