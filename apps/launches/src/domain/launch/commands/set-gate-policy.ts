import { ErrorCodes, type GatePolicySet, type SetGatePolicy } from '@tminus/contracts';
import type { ExistingLaunch } from '../state';
import { requireBoolean, requireEnvironment, requirePercent } from '../validation';

const INVALID = ErrorCodes.GATE_INVALID_POLICY;

/** Setting the policy an environment already has explicitly changes nothing. */
export const setGatePolicy = (command: SetGatePolicy, launch: ExistingLaunch): GatePolicySet[] => {
  const { data } = command;
  const policy = {
    requireReady: requireBoolean(data.requireReady, 'requireReady', INVALID),
    minReadinessPercent: requirePercent(data.minReadinessPercent, 'Minimum readiness percent', INVALID),
    requireGoDecision: requireBoolean(data.requireGoDecision, 'requireGoDecision', INVALID),
  };
  const environment = requireEnvironment(data.environment, INVALID);
  const current = launch.gatePolicies.get(environment);
  const unchanged =
    current !== undefined &&
    current.requireReady === policy.requireReady &&
    current.minReadinessPercent === policy.minReadinessPercent &&
    current.requireGoDecision === policy.requireGoDecision;
  if (unchanged) return [];
  return [{ type: 'GatePolicySet', data: { launchId: launch.launchId, environment, ...policy } }];
};
