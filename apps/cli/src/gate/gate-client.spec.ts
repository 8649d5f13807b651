import { CliError } from '../support/exit-codes';
import { fetchGate, GateUnavailableError, gateUrl } from './gate-client';
import { allowed, denied } from './testing/gate-bodies';
import { connectionRefused, fakeFetch } from './testing/fake-fetch';

const query = {
  baseUrl: new URL('http://gw.example:4000/tminus'),
  urlSource: 'TMINUS_URL' as const,
  token: 'tok-123',
  launch: 'checkout v2/x',
  environment: 'prod & eu',
};

describe('gateUrl', () => {
  it('keeps a base path and encodes the launch and environment', () => {
    expect(gateUrl(query).href).toBe(
      'http://gw.example:4000/tminus/v1/gates/checkout%20v2%2Fx?environment=prod+%26+eu',
    );
  });
});

describe('fetchGate', () => {
  it('sends the bearer token and returns an ALLOWED body with the raw JSON', async () => {
    const body = { ...allowed(), extra: 1 };
    const fetch = fakeFetch({ status: 200, body });
    const answer = await fetchGate(query, fetch);
    expect(answer.body.decision).toBe('ALLOWED');
    expect(answer.raw).toEqual(body);
    expect(fetch.requests[0].authorization).toBe('Bearer tok-123');
  });

  it('returns a DENIED body on 412', async () => {
    const answer = await fetchGate(query, fakeFetch({ status: 412, body: denied() }));
    expect(answer.body.decision).toBe('DENIED');
    expect(answer.body.reasons).toHaveLength(1);
  });

  it.each([
    [401, 'UNAUTHENTICATED', /refused the token \(UNAUTHENTICATED: nope\)/],
    [403, 'FORBIDDEN', /may not read gates \(FORBIDDEN: nope\)/],
    [404, 'LAUNCH.NOT_FOUND', /^LAUNCH\.NOT_FOUND: nope$/],
    [400, 'BAD_USER_INPUT', /^BAD_USER_INPUT: nope$/],
  ])('turns %p into a non-retryable error with the code', async (status, code, message) => {
    const error = await fetchGate(
      query,
      fakeFetch({ status, body: { error: { code, message: 'nope' } } }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect(error).not.toBeInstanceOf(GateUnavailableError);
    expect((error as CliError).message).toMatch(message);
    expect((error as CliError).code).toBe(code);
  });

  it('reports an unreachable gateway as retryable, with the reason', async () => {
    const error = await fetchGate(query, fakeFetch(connectionRefused())).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GateUnavailableError);
    expect((error as Error).message).toBe(
      'cannot reach the gateway at http://gw.example:4000/tminus/v1/gates/checkout%20v2%2Fx: ECONNREFUSED (connect ECONNREFUSED 127.0.0.1:4000); check TMINUS_URL',
    );
  });

  it('says so when the URL is no tminus gateway', async () => {
    const error = await fetchGate(query, fakeFetch({ status: 404, body: { message: 'Cannot GET' } })).catch(
      (e: unknown) => e,
    );
    expect((error as Error).message).toBe(
      'no release gate at http://gw.example:4000/tminus/v1/gates/checkout%20v2%2Fx (HTTP 404): is it a tminus gateway? check TMINUS_URL',
    );
  });

  it('reports a 5xx as retryable', async () => {
    const error = await fetchGate(query, fakeFetch({ status: 503, body: 'busy' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GateUnavailableError);
    expect((error as Error).message).toBe('the gateway at http://gw.example:4000 failed (HTTP 503)');
  });

  it('refuses a 200 that is not a gate decision, or disagrees with its status', async () => {
    await expect(fetchGate(query, fakeFetch({ status: 200, body: '<html>' }))).rejects.toThrow(
      'the gateway answered HTTP 200 with a body that is not a gate decision',
    );
    await expect(fetchGate(query, fakeFetch({ status: 200, body: denied() }))).rejects.toThrow(
      'the gateway answered HTTP 200 with decision DENIED',
    );
  });
});
