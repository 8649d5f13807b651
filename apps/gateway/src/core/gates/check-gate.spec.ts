import { ErrorCodes, type DomainError } from '@tminus/contracts';
import { AuditTimeoutError } from './audit/await-recorded';
import { CheckGate, type GateDecider } from './check-gate';
import { evaluation, LAUNCH_ID, principal } from './testing/gate-fixtures';

function setUp(result = evaluation()) {
  const asked: [string, string][] = [];
  const decider: GateDecider = {
    evaluate: async (launchRef, environment) => {
      asked.push([launchRef, environment]);
      return launchRef === 'unknown' ? null : result;
    },
  };
  const audit = { record: jest.fn(async () => 'command-1') };
  return { check: new CheckGate(decider, audit), asked, audit };
}

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: DomainError) => error.code,
  );

describe('CheckGate', () => {
  it('needs a principal', async () => {
    const { check, asked } = setUp();
    await expect(codeOf(check.check(null, 'checkout-v2', 'production'))).resolves.toBe(
      ErrorCodes.UNAUTHENTICATED,
    );
    expect(asked).toEqual([]);
  });

  it.each(['ADMIN', 'LAUNCH_MANAGER', 'TEAM_MEMBER', 'PIPELINE'] as const)(
    'lets a %s token read gates',
    async (role) => {
      const { check } = setUp();
      await expect(check.check(principal(role), 'checkout-v2', 'production')).resolves.toMatchObject({
        decision: 'DENIED',
      });
    },
  );

  it.each([undefined, '', '  ', ['a', 'b'], 'prod/eu', '-prod', 'x'.repeat(64)])(
    'refuses environment %p as BAD_USER_INPUT',
    async (environment) => {
      const { check, asked } = setUp();
      await expect(codeOf(check.check(principal('PIPELINE'), 'checkout-v2', environment))).resolves.toBe(
        ErrorCodes.BAD_USER_INPUT,
      );
      expect(asked).toEqual([]);
    },
  );

  it('reads environments case-insensitively, so "Production" gets the production policy', async () => {
    const { check, asked } = setUp();
    await check.check(principal('PIPELINE'), ' checkout-v2 ', ' Production ');
    expect(asked).toEqual([['checkout-v2', 'production']]);
  });

  it('answers LAUNCH.NOT_FOUND for an unknown launch, and records nothing', async () => {
    const { check, audit } = setUp();
    await expect(codeOf(check.check(principal('PIPELINE'), 'unknown', 'production'))).resolves.toBe(
      ErrorCodes.LAUNCH_NOT_FOUND,
    );
    expect(audit.record).not.toHaveBeenCalled();
  });

  it("records a PIPELINE token's evaluation as that pipeline", async () => {
    const { check, audit } = setUp();
    const result = await check.check(principal('PIPELINE', 'deploy-bot'), 'checkout-v2', 'production');
    expect(audit.record).toHaveBeenCalledWith(result, { userId: 'deploy-bot', role: 'PIPELINE' });
    expect(result.launchId).toBe(LAUNCH_ID);
  });

  it('records nothing for the other roles', async () => {
    const { check, audit } = setUp();
    await check.check(principal('LAUNCH_MANAGER'), 'checkout-v2', 'production');
    await check.check(principal('ADMIN'), 'checkout-v2', 'production');
    expect(audit.record).not.toHaveBeenCalled();
  });

  it('gives no decision when the audit cannot be recorded', async () => {
    const { check, audit } = setUp();
    audit.record.mockRejectedValueOnce(new Error('bus down'));
    await expect(check.check(principal('PIPELINE'), 'checkout-v2', 'production')).rejects.toThrow('bus down');
  });

  it('denies with READ_MODEL_STALE when the audit is not recorded in time, even a ready launch', async () => {
    const { check, audit } = setUp(evaluation({ ready: true }));
    audit.record.mockRejectedValueOnce(new AuditTimeoutError(300));
    const result = await check.check(principal('PIPELINE'), 'checkout-v2', 'staging');
    expect(result.decision).toBe('DENIED');
    expect(result.reasons.map((reason) => reason.code)).toEqual(['READ_MODEL_STALE']);
  });
});
