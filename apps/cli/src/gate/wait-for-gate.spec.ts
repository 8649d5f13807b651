import { CliError } from '../support/exit-codes';
import { GateUnavailableError, type GateAnswer } from './gate-client';
import { allowed, denied } from './testing/gate-bodies';
import { waitForGate, type ChangeFeed, type ChangeListener } from './wait-for-gate';

const answer = (body = denied()): GateAnswer => ({ body, raw: body });

/** A feed driven by the test. */
function manualFeed(): ChangeFeed & { listener: () => ChangeListener; stops: number } {
  let current: ChangeListener | null = null;
  const feed = {
    stops: 0,
    listener: () => {
      if (!current) throw new Error('feed not started');
      return current;
    },
    start(listener: ChangeListener) {
      current = listener;
      return { stop: async () => void feed.stops++ };
    },
  };
  return feed;
}

/** A check whose answers the test releases one by one. */
function scriptedCheck() {
  const pending: { resolve: (a: GateAnswer) => void; reject: (e: unknown) => void }[] = [];
  const check = jest.fn(
    () => new Promise<GateAnswer>((resolve, reject) => pending.push({ resolve, reject })),
  );
  const next = async () => {
    while (pending.length === 0) await new Promise((r) => setImmediate(r));
    return pending.shift()!;
  };
  return { check, next, pending };
}

const flush = () => new Promise((r) => setImmediate(r));

describe('waitForGate', () => {
  it('returns at once when the first answer is ALLOWED, without starting the feed', async () => {
    const feed = manualFeed();
    const first = answer(allowed());
    await expect(waitForGate({ first, check: jest.fn(), feed, timeoutMs: 1_000 })).resolves.toBe(first);
    expect(() => feed.listener()).toThrow('feed not started');
  });

  it('asks again on a change and ends with ALLOWED, stopping the feed', async () => {
    const feed = manualFeed();
    const { check, next } = scriptedCheck();
    const waiting = waitForGate({ first: answer(), check, feed, timeoutMs: 10_000 });
    feed.listener().changed();
    (await next()).resolve(answer(allowed()));
    await expect(waiting).resolves.toMatchObject({ body: { decision: 'ALLOWED' } });
    expect(check).toHaveBeenCalledTimes(1);
    expect(feed.stops).toBe(1);
  });

  it('coalesces changes that arrive during a check into one more check', async () => {
    const feed = manualFeed();
    const { check, next } = scriptedCheck();
    const waiting = waitForGate({ first: answer(), check, feed, timeoutMs: 10_000 });
    feed.listener().connected();
    const firstCheck = await next();
    feed.listener().changed();
    feed.listener().changed();
    feed.listener().changed();
    expect(check).toHaveBeenCalledTimes(1);
    firstCheck.resolve(answer());
    (await next()).resolve(answer(allowed()));
    await waiting;
    expect(check).toHaveBeenCalledTimes(2);
  });

  it('resolves with the last DENIED answer when the time is up', async () => {
    const feed = manualFeed();
    const { check, next } = scriptedCheck();
    const later = answer(denied([]));
    const waiting = waitForGate({ first: answer(), check, feed, timeoutMs: 50 });
    feed.listener().changed();
    (await next()).resolve({ ...later, body: { ...later.body, decision: 'DENIED', position: '99' } });
    await expect(waiting).resolves.toMatchObject({ body: { decision: 'DENIED', position: '99' } });
    expect(feed.stops).toBe(1);
  });

  it('keeps waiting through a transient failure and reports it', async () => {
    const feed = manualFeed();
    const { check, next } = scriptedCheck();
    const transient: CliError[] = [];
    const waiting = waitForGate({
      first: answer(),
      check,
      feed,
      timeoutMs: 10_000,
      onTransientError: (e) => transient.push(e),
    });
    feed.listener().changed();
    (await next()).reject(new GateUnavailableError('cannot reach the gateway'));
    await flush();
    feed.listener().connected();
    (await next()).resolve(answer(allowed()));
    await expect(waiting).resolves.toMatchObject({ body: { decision: 'ALLOWED' } });
    expect(transient.map((e) => e.message)).toEqual(['cannot reach the gateway']);
  });

  it('fails on a non-retryable check error', async () => {
    const feed = manualFeed();
    const { check, next } = scriptedCheck();
    const waiting = waitForGate({ first: answer(), check, feed, timeoutMs: 10_000 });
    feed.listener().changed();
    (await next()).reject(new CliError('the gateway refused the token', 'UNAUTHENTICATED'));
    await expect(waiting).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(feed.stops).toBe(1);
  });

  it('fails when the feed fails', async () => {
    const feed = manualFeed();
    const waiting = waitForGate({ first: answer(), check: jest.fn(), feed, timeoutMs: 10_000 });
    feed.listener().failed(new CliError('cannot watch readiness: FORBIDDEN'));
    await expect(waiting).rejects.toThrow('cannot watch readiness: FORBIDDEN');
  });

  it('re-checks on the slow safety timer when no notification comes', async () => {
    const feed = manualFeed();
    const { check, next } = scriptedCheck();
    const waiting = waitForGate({ first: answer(), check, feed, timeoutMs: 10_000, safetyIntervalMs: 20 });
    (await next()).resolve(answer(allowed()));
    await expect(waiting).resolves.toMatchObject({ body: { decision: 'ALLOWED' } });
  });
});
