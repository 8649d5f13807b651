import { ErrorCodes } from '@tminus/contracts';
import { exitRefusal, quietUntil } from './exit-criteria';
import type { LaunchState } from './state';

/**
 * When the hypercare scheduler should next send `EndHypercare` for this launch (ISO; possibly past:
 * send at once), or null when nothing is due until another event changes the launch:
 * - before the end of hypercare: at its end;
 * - after it, closable: now; waiting only for the quiet period: when that is over;
 * - after it, blocked by an open SEV1/SEV2: once to record the overrun, then wait for the incident.
 */
export const nextHypercareCheck = (state: LaunchState, now: Date): string | null => {
  if (!state.exists || state.status !== 'HYPERCARE' || state.hypercareEndsAt === null) return null;
  const endsAt = state.hypercareEndsAt;
  if (Date.parse(endsAt) > now.getTime()) return endsAt;
  const refusal = exitRefusal(state, now);
  if (refusal === null) return now.toISOString();
  const overrun = state.hypercareOverrun;
  const recorded = overrun !== null && overrun.hypercareEndsAt === endsAt && overrun.code === refusal.code;
  if (!recorded) return now.toISOString();
  // Only a quiet period ends by itself; an open incident ends with an event, which re-plans.
  if (refusal.code !== ErrorCodes.LAUNCH_NOT_QUIET) return null;
  return quietUntil(state)?.toISOString() ?? null;
};
