import { createToken } from './support/seed';
import { startTestGateway, type TestGateway } from './support/test-gateway';

const ADMIN_TOKEN = 'parity-admin-token-5b0c9e2f7d1a4e8c';
const MAX_BODY_BYTES = 4 * 1024;

/** Headers that differ by design or by the moment: the fast route computes no ETag (see GraphqlFastRoute). */
const IGNORED_HEADERS = new Set(['date', 'etag', 'x-powered-by', 'connection', 'keep-alive']);

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
  /** Express's res.send hashed the body: present only on answers Express wrote. */
  readonly etag: string | null;
}

interface Ask {
  readonly method?: string;
  readonly path?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string | Uint8Array;
}

async function ask(url: string, request: Ask): Promise<Answer> {
  const response = await fetch(`${url}${request.path ?? '/graphql'}`, {
    method: request.method ?? 'POST',
    headers: request.headers,
    body: request.body,
  });
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    if (!IGNORED_HEADERS.has(key)) headers[key] = value;
  });
  // The rate limit's window is counted from each gateway's own first request: its reset can differ.
  if (headers.ratelimit) headers.ratelimit = headers.ratelimit.replace(/reset=\d+/, 'reset=?');
  if (headers['retry-after']) headers['retry-after'] = '?';
  return {
    status: response.status,
    headers,
    body: await response.text(),
    etag: response.headers.get('etag'),
  };
}

const json = (token: string | null, extra: Record<string, string> = {}) => ({
  'content-type': 'application/json',
  ...(token !== null && { authorization: `Bearer ${token}` }),
  ...extra,
});

const query = (text: string, variables?: Record<string, unknown>) =>
  JSON.stringify({ query: text, variables });

/** The same request to a gateway serving POST /graphql ahead of Nest and to one serving it through Nest. */
interface Pair {
  readonly fast: TestGateway;
  readonly nest: TestGateway;
}

async function both(pair: Pair, request: (t: TestGateway) => Ask) {
  const fast = await ask(pair.fast.gateway.url, request(pair.fast));
  const nest = await ask(pair.nest.gateway.url, request(pair.nest));
  return { fast, nest };
}

/**
 * Same status, headers and body. Where Express's res.send wrote the reference answer (with an ETag),
 * `servedAhead` says whether the fast gateway answered without Express (no ETag) or through it.
 */
function expectSame({ fast, nest }: { fast: Answer; nest: Answer }, servedAhead: boolean): void {
  expect({ status: fast.status, headers: fast.headers, body: fast.body }).toEqual({
    status: nest.status,
    headers: nest.headers,
    body: nest.body,
  });
  if (nest.etag === null) expect(fast.etag).toBeNull();
  else if (servedAhead) expect(fast.etag).toBeNull();
  else expect(fast.etag).toBe(nest.etag);
}

const startPair = async (overrides: Parameters<typeof startTestGateway>[0] = {}): Promise<Pair> => {
  const settings = {
    adminToken: ADMIN_TOKEN,
    maxBodyBytes: MAX_BODY_BYTES,
    limits: { maxDepth: 4, maxComplexity: 50 },
    ...overrides,
  };
  const [fast, nest] = await Promise.all([
    startTestGateway(settings),
    startTestGateway({ ...settings, graphqlAheadOfNest: false }),
  ]);
  return { fast, nest };
};

const closePair = async (pair: Pair | undefined) => {
  await Promise.all([pair?.fast.close(), pair?.nest.close()]);
};

describe('POST /graphql ahead of Nest answers as Express and Nest do', () => {
  let pair: Pair;
  const pipelineTokens = new Map<TestGateway, string>();

  beforeAll(async () => {
    pair = await startPair();
    for (const t of [pair.fast, pair.nest]) {
      pipelineTokens.set(t, (await createToken(t, { name: 'ci', role: 'PIPELINE' })).token);
    }
  });
  afterAll(() => closePair(pair));

  it('a query that succeeds', async () => {
    const answers = await both(pair, () => ({
      headers: json(ADMIN_TOKEN),
      body: query('{ viewer { role } }'),
    }));
    expect(answers.fast.status).toBe(200);
    expect(JSON.parse(answers.fast.body)).toEqual({ data: { viewer: { role: 'ADMIN' } } });
    expectSame(answers, true);
  });

  it('the media type the client asks for, and a body starting with a byte-order mark', async () => {
    expectSame(
      await both(pair, () => ({
        headers: json(ADMIN_TOKEN, { accept: 'application/graphql-response+json' }),
        body: query('{ viewer { role } }'),
      })),
      true,
    );
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(query('{ __typename }'))]);
    const answers = await both(pair, () => ({
      headers: json(ADMIN_TOKEN, { 'content-type': 'Application/JSON; charset=UTF-8' }),
      body: withBom,
    }));
    expect(answers.fast.status).toBe(200);
    expectSame(answers, true);
  });

  it('validation errors, query limits and bad variables (400s from Apollo)', async () => {
    for (const body of [
      query('{ noSuchField }'),
      query('{ launches { edges { node { teams { checklist { items { id } } } } } } } # deep'),
      query('query Q($id: ID!) { launch(id: $id) { id } }', { id: 42.5 }),
      query('{ viewer { role } } { viewer { role } }'),
      JSON.stringify({ variables: {} }),
      '[{"query":"{ __typename }"}]',
    ]) {
      const answers = await both(pair, () => ({ headers: json(ADMIN_TOKEN), body }));
      expect(JSON.parse(answers.fast.body)).toHaveProperty('errors');
      expectSame(answers, true);
    }
  });

  it('no token, a bad token, and an operation the access policy refuses', async () => {
    for (const token of [null, 'not-a-token']) {
      const answers = await both(pair, () => ({ headers: json(token), body: query('{ viewer { role } }') }));
      expect(answers.fast.body).toContain('UNAUTHENTICATED');
      expectSame(answers, true);
    }
    const forbidden = await both(pair, (t) => ({
      headers: json(pipelineTokens.get(t) ?? null),
      body: query('mutation { createTeam(input: { key: "qa", name: "QA", function: QA }) { id } }'),
    }));
    expect(forbidden.fast.body).toContain('FORBIDDEN');
    expectSame(forbidden, true);
  });

  it('bodies that are not JSON, or JSON without an object or array at the top (400 BAD_REQUEST)', async () => {
    for (const body of ['{"query": ', '42', '"{ __typename }"', '   ', 'null']) {
      const answers = await both(pair, () => ({ headers: json(ADMIN_TOKEN), body }));
      expect(answers.fast.status).toBe(400);
      expect(JSON.parse(answers.fast.body)).toEqual({
        errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }],
      });
      expectSame(answers, true);
    }
  });

  it('leaves to Express what it does not serve exactly: oversize, other types, GET, other paths', async () => {
    const cases: Ask[] = [
      // Over the limit: 413 from body-parser, before the body is read.
      { headers: json(ADMIN_TOKEN), body: query(`{ __typename } # ${'x'.repeat(MAX_BODY_BYTES)}`) },
      { headers: json(ADMIN_TOKEN, { 'content-type': 'text/plain' }), body: query('{ __typename }') },
      { headers: json(ADMIN_TOKEN, { 'content-type': 'application/json; charset=latin1' }), body: '{}' },
      { headers: json(ADMIN_TOKEN), body: '' },
      { method: 'GET', path: '/graphql?query=%7B__typename%7D', headers: json(ADMIN_TOKEN) },
      { path: '/graphql/', headers: json(ADMIN_TOKEN), body: query('{ __typename }') },
      { path: '/graphql?x=1', headers: json(ADMIN_TOKEN), body: query('{ __typename }') },
    ];
    for (const request of cases) expectSame(await both(pair, () => request), false);
  });

  it('is measured under the same route label as when Express served it', async () => {
    const metrics = async (t: TestGateway) =>
      (await (await fetch(`${t.gateway.url}/metrics`)).text())
        .split('\n')
        .filter((line) =>
          line.startsWith('http_request_duration_seconds_count{method="POST",route="/graphql"'),
        )
        .sort();
    const fast = await metrics(pair.fast);
    expect(fast.length).toBeGreaterThan(0);
    expect(fast).toEqual(await metrics(pair.nest));
  });
});

describe('POST /graphql ahead of Nest: the shared rate limit', () => {
  let pair: Pair | undefined;
  afterAll(() => closePair(pair));

  it('answers 429 RATE_LIMITED as Express does, and a token has one budget on both paths', async () => {
    pair = await startPair({ rateLimit: { limit: 3, windowMs: 60_000 } });
    const request = (): Ask => ({ headers: json(ADMIN_TOKEN), body: query('{ __typename }') });
    // Two on the fast route and one through Express (a GET): the budget of 3 is spent on both paths.
    for (const t of [pair.fast, pair.nest]) {
      await ask(t.gateway.url, request());
      await ask(t.gateway.url, request());
      await ask(t.gateway.url, {
        method: 'GET',
        path: '/graphql?query=%7B__typename%7D',
        headers: json(ADMIN_TOKEN),
      });
    }
    const answers = await both(pair, request);
    expect(answers.fast.status).toBe(429);
    expect(JSON.parse(answers.fast.body)).toEqual({
      errors: [
        { message: expect.stringContaining('More than 3 requests'), extensions: { code: 'RATE_LIMITED' } },
      ],
    });
    expectSame(answers, false);
  });
});
