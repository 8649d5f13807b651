import {
  DomainError,
  ErrorCodes,
  type DecideContext,
  type EndHypercare,
  type HypercareOverrun,
  type LaunchClosed,
} from '@tminus/contracts';
import { exitRefusal } from '../exit-criteria';
import type { ExistingLaunch } from '../state';

/**
 * The scheduler's command once hypercare has reached its end. Closes the launch when the exit criteria
 * hold; otherwise records once (per end date and reason) why it stays in HYPERCARE. A launch that left
 * HYPERCARE meanwhile is a no-op, and an early timer is refused so the scheduler keeps it.
 */
export const endHypercare = (
  _command: EndHypercare,
  launch: ExistingLaunch,
  { now }: DecideContext,
): (LaunchClosed | HypercareOverrun)[] => {
  if (launch.status !== 'HYPERCARE' || launch.hypercareEndsAt === null) return [];
  if (Date.parse(launch.hypercareEndsAt) > now.getTime()) {
    throw new DomainError(
      ErrorCodes.LAUNCH_HYPERCARE_NOT_OVER,
      `Hypercare of launch "${launch.key}" ends at ${launch.hypercareEndsAt}, not yet (now: ${now.toISOString()}).`,
    );
  }
  const refusal = exitRefusal(launch, now);
  if (!refusal) return [{ type: 'LaunchClosed', data: { launchId: launch.launchId, at: now.toISOString() } }];
  const known = launch.hypercareOverrun;
  if (known && known.hypercareEndsAt === launch.hypercareEndsAt && known.code === refusal.code) return [];
  const data = {
    launchId: launch.launchId,
    hypercareEndsAt: launch.hypercareEndsAt,
    code: refusal.code,
    reason: refusal.reason,
    at: now.toISOString(),
  };
  return [{ type: 'HypercareOverrun', data }];
};
