import { ErrorCodes, type GatePolicySet, type SetGatePolicy } from '@tminus/contracts';
import { deciderSpec } from '@tminus/testing';
import { launchDecider } from '../launch.decider';
import { context, inHypercare, inPlanning, LAUNCH_ID } from '../launch.fixtures';

const spec = deciderSpec(launchDecider);
type Policy = Omit<SetGatePolicy['data'], 'launchId'>;
const STAGING: Policy = {
  environment: 'staging',
  requireReady: false,
  minReadinessPercent: 80,
  requireGoDecision: false,
};
const setPolicy = (policy: Partial<Policy> = {}): SetGatePolicy => ({
  type: 'SetGatePolicy',
  data: { launchId: LAUNCH_ID, ...STAGING, ...policy },
});
const policySet = (policy: Partial<Policy> = {}): GatePolicySet => ({
  type: 'GatePolicySet',
  data: { launchId: LAUNCH_ID, ...STAGING, ...policy },
});

describe('SetGatePolicy', () => {
  it('sets the policy of an environment', () => {
    spec.given(inPlanning).when(setPolicy(), { context }).then([policySet()]);
  });

  it('is allowed while the launch is live', () => {
    spec.given(inHypercare).when(setPolicy(), { context }).then([policySet()]);
  });

  it('changes nothing when the environment already has that policy', () => {
    spec
      .given([...inPlanning, policySet()])
      .when(setPolicy(), { context })
      .thenNothing();
  });

  it('replaces a different policy', () => {
    spec
      .given([...inPlanning, policySet()])
      .when(setPolicy({ minReadinessPercent: 90 }), { context })
      .then([policySet({ minReadinessPercent: 90 })]);
  });

  it.each(['eu-west.prod_1', 'p', 'a'.repeat(63)])('accepts the environment %j', (environment) => {
    spec
      .given(inPlanning)
      .when(setPolicy({ environment }), { context })
      .then([policySet({ environment })]);
  });

  it.each(['Production', '', '-prod', '.prod', 'prod env', 'a'.repeat(64)])(
    'refuses the environment %j',
    (environment) => {
      spec
        .given(inPlanning)
        .when(setPolicy({ environment }), { context })
        .thenThrows(ErrorCodes.GATE_INVALID_POLICY);
    },
  );

  it.each([0, 100, 99.5])('accepts %p percent', (minReadinessPercent) => {
    spec
      .given(inPlanning)
      .when(setPolicy({ minReadinessPercent }), { context })
      .then([policySet({ minReadinessPercent })]);
  });

  it.each([-1, 100.1, Number.NaN, '50' as unknown as number])('refuses %p percent', (minReadinessPercent) => {
    spec
      .given(inPlanning)
      .when(setPolicy({ minReadinessPercent }), { context })
      .thenThrows(ErrorCodes.GATE_INVALID_POLICY);
  });

  it('refuses flags that are not booleans', () => {
    const command = setPolicy({ requireGoDecision: 'yes' as unknown as boolean });
    spec.given(inPlanning).when(command, { context }).thenThrows(ErrorCodes.GATE_INVALID_POLICY);
  });
});
