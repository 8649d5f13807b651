import type { Principal } from '../../auth/principal';
import {
  computeLaunchReadiness,
  evaluateGate,
  type GateEvaluation,
  type LaunchView,
  type Staleness,
} from '../../read-model/domain';
import { LAUNCH_ID, QA_ID } from '../../read-model/domain/testing/events';
import {
  checklistView,
  done,
  itemView,
  launchView,
  NOW,
  SIGNED,
  teamView,
} from '../../read-model/domain/testing/views';

export { LAUNCH_ID, NOW };

export const principal = (role: Principal['role'], userId = `${role.toLowerCase()}-user`): Principal => ({
  tokenId: `token-${userId}`,
  tokenName: `${userId} token`,
  role,
  userId,
  teamIds: null,
  expiresAt: null,
});

const QA = teamView(QA_ID, 'qa', 'QA');

/** A launch requiring QA, whose checklist has one open required item (or all done and signed off). */
export function evaluation(
  options: {
    ready?: boolean;
    environment?: string;
    launch?: Partial<LaunchView>;
    staleness?: Staleness;
  } = {},
): GateEvaluation {
  const launch = launchView({ requiredTeamIds: [QA_ID], status: 'GO', ...options.launch });
  const checklist = options.ready
    ? checklistView(QA_ID, [done('item-1', { title: 'Regression suite green' })], { signOffs: SIGNED })
    : checklistView(QA_ID, [itemView('item-1', { title: 'Regression suite green' })]);
  return evaluateGate({
    launch,
    readiness: computeLaunchReadiness(launch, [checklist], [QA], NOW),
    environment: options.environment ?? 'production',
    now: NOW,
    position: '42',
    staleness: options.staleness,
  });
}
