import { protectionRulePayload } from '../../../../test/support/fake-github';
import { parseWebhook } from './protection-rule-event';

const callbackUrl = 'https://api.github.com/repos/acme/checkout/actions/runs/42/deployment_protection_rule';

describe('parseWebhook', () => {
  it('reads a requested deployment protection rule', () => {
    expect(
      parseWebhook(
        'deployment_protection_rule',
        protectionRulePayload({ callbackUrl, environment: 'Production' }),
      ),
    ).toEqual({
      kind: 'request',
      request: {
        repository: 'acme/checkout',
        environment: 'Production',
        callbackUrl,
        installationId: 99,
        sha: '4f2d7b0c',
        ref: 'main',
      },
    });
  });

  it('ignores other events and actions', () => {
    expect(parseWebhook('push', {}).kind).toBe('ignored');
    expect(parseWebhook(undefined, {}).kind).toBe('ignored');
    expect(
      parseWebhook('deployment_protection_rule', protectionRulePayload({ callbackUrl, action: 'completed' })),
    ).toEqual({
      kind: 'ignored',
      reason: 'action completed is not handled',
    });
  });

  it.each([
    ['not JSON', null, 'the body is not a JSON object'],
    [
      'no callback URL',
      { ...protectionRulePayload({ callbackUrl }), deployment_callback_url: undefined },
      'deployment_callback_url',
    ],
    [
      'no repository',
      { ...protectionRulePayload({ callbackUrl }), repository: { full_name: 'nope' } },
      'repository.full_name',
    ],
    ['no environment', { ...protectionRulePayload({ callbackUrl }), environment: '' }, 'environment'],
  ])('refuses a request with %s', (_what, payload, message) => {
    const parsed = parseWebhook('deployment_protection_rule', payload);
    expect(parsed.kind).toBe('invalid');
    expect(parsed.kind === 'invalid' && parsed.message).toContain(message);
  });

  it('accepts a payload without installation (token authentication)', () => {
    const payload = { ...protectionRulePayload({ callbackUrl }), installation: undefined };
    const parsed = parseWebhook('deployment_protection_rule', payload);
    expect(parsed.kind === 'request' && parsed.request.installationId).toBeNull();
  });
});
