export type Fetch = typeof fetch;

export const githubHeaders = (bearer: string): Record<string, string> => ({
  accept: 'application/vnd.github+json',
  authorization: `Bearer ${bearer}`,
  'user-agent': 'tminus-gateway',
  'x-github-api-version': '2022-11-28',
});

/** A failed GitHub call; `retryable` when asking again later may work (network, 5xx, rate limits). */
export class GithubApiError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'GithubApiError';
  }

  static fromStatus(status: number, what: string): GithubApiError {
    // 429 and GitHub's secondary rate limits (403) pass; 401/403 may be a token being rotated.
    const retryable = status >= 500 || status === 429 || status === 403 || status === 401;
    return new GithubApiError(`GitHub answered HTTP ${status} for the ${what}`, status, retryable);
  }
}
