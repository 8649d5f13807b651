import { alertmanagerSeverity, pagerDutySeverity } from './severity';

describe('severity mapping (product.md: "Post-launch support fed by on-call tools")', () => {
  it.each([
    ['P1', 'low', 'SEV1'],
    ['P2', 'low', 'SEV2'],
    ['P3', 'high', 'SEV3'],
    ['P4', 'high', 'SEV4'],
    ['P5', 'high', 'SEV4'],
    ['p1', null, 'SEV1'],
    [null, 'high', 'SEV2'],
    [null, 'low', 'SEV3'],
    ['P9', 'low', 'SEV3'],
    ['custom', 'high', 'SEV2'],
    [null, null, 'SEV2'],
  ])('PagerDuty priority %p, urgency %p → %s', (priority, urgency, expected) => {
    expect(pagerDutySeverity(priority, urgency)).toBe(expected);
  });

  it.each([
    ['critical', 'SEV1'],
    ['CRITICAL', 'SEV1'],
    ['error', 'SEV2'],
    ['major', 'SEV2'],
    ['high', 'SEV2'],
    ['warning', 'SEV3'],
    ['info', 'SEV4'],
    ['none', 'SEV4'],
    ['', 'SEV4'],
    [undefined, 'SEV4'],
  ])('Alertmanager severity label %p → %s', (label, expected) => {
    expect(alertmanagerSeverity(label)).toBe(expected);
  });
});
