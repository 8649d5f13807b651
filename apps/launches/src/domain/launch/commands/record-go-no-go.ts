import { GO_DECISIONS, type DecideContext, type GoNoGoRecorded, type RecordGoNoGo } from '@tminus/contracts';
import { BEFORE_LIVE, requireStatus } from '../guards';
import type { ExistingLaunch } from '../state';
import { optionalText, requireOneOf } from '../validation';

/**
 * GO moves the launch to GO; NO_GO keeps it in (or takes it back to) PLANNING. Both are recorded with
 * their notes, and a decision may be recorded again (a repeated GO, say, with new notes). Readiness is
 * not checked here: the release gate demands it together with the GO decision.
 */
export const recordGoNoGo = (
  command: RecordGoNoGo,
  launch: ExistingLaunch,
  { now, actor }: DecideContext,
): GoNoGoRecorded[] => {
  requireStatus(launch, { allowed: BEFORE_LIVE, action: 'recording a go/no-go decision' });
  const data = {
    launchId: launch.launchId,
    decision: requireOneOf(command.data.decision, GO_DECISIONS, 'Decision'),
    notes: optionalText(command.data.notes, 'Notes'),
    by: actor.userId,
    at: now.toISOString(),
  };
  return [{ type: 'GoNoGoRecorded', data }];
};
