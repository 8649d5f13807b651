/** A GraphQL error as the gateway sends it: a stable code in `extensions.code`. */
export interface GraphqlErrorBody {
  readonly message: string;
  readonly path?: readonly (string | number)[];
  readonly extensions?: { readonly code?: string } & Record<string, unknown>;
}

export interface GraphqlResponse<Data> {
  readonly data?: Data | null;
  readonly errors?: readonly GraphqlErrorBody[];
}

/** The request was answered with GraphQL errors (or no data). */
export class GraphqlRequestError extends Error {
  readonly codes: readonly string[];
  constructor(readonly errors: readonly GraphqlErrorBody[]) {
    super(errors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; ') || 'no data');
    this.name = 'GraphqlRequestError';
    this.codes = errors.map((e) => e.extensions?.code ?? 'ERROR');
  }
}

/** The server could not be reached or answered with something that is not GraphQL. */
export class GraphqlTransportError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'GraphqlTransportError';
  }
}

export interface GraphqlClientOptions {
  /** The endpoint, e.g. http://localhost:4000/graphql. */
  readonly url: string;
  readonly token?: string;
  /** Per request (default 30 s). */
  readonly timeoutMs?: number;
}

/** GraphQL over HTTP with a bearer token; nothing more is needed by the scripts and the e2e tests. */
export class GraphqlClient {
  constructor(private readonly options: GraphqlClientOptions) {}

  /** The data, or a {@link GraphqlRequestError} carrying the codes when the answer has errors. */
  async request<Data>(query: string, variables: Record<string, unknown> = {}): Promise<Data> {
    const response = await this.execute<Data>(query, variables);
    if (response.errors?.length || response.data == null)
      throw new GraphqlRequestError(response.errors ?? []);
    return response.data;
  }

  /** The whole answer, errors included; throws only when there is no GraphQL answer at all. */
  async execute<Data>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GraphqlResponse<Data>> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/json',
    };
    if (this.options.token) headers.authorization = `Bearer ${this.options.token}`;
    let response: Response;
    try {
      response = await fetch(this.options.url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
      });
    } catch (error) {
      throw new GraphqlTransportError(
        `cannot reach ${this.options.url}: ${(error as Error).message}`,
        undefined,
        {
          cause: error,
        },
      );
    }
    const text = await response.text();
    try {
      return JSON.parse(text) as GraphqlResponse<Data>;
    } catch {
      throw new GraphqlTransportError(
        `${response.status} from ${this.options.url}: ${text.slice(0, 200)}`,
        response.status,
      );
    }
  }
}
