import {
  DomainError,
  ErrorCodes,
  type DecideContext,
  type LaunchCommand,
  type LaunchEvent,
} from '@tminus/contracts';
import { cancelLaunch } from './commands/cancel-launch';
import { closeLaunch } from './commands/close-launch';
import { createLaunch } from './commands/create-launch';
import { endHypercare } from './commands/end-hypercare';
import { editLaunch } from './commands/edit-launch';
import { extendHypercare } from './commands/extend-hypercare';
import { markLaunched } from './commands/mark-launched';
import { recordGateEvaluation } from './commands/record-gate-evaluation';
import { recordGoNoGo } from './commands/record-go-no-go';
import { recordIncidentAlert } from './commands/record-incident-alert';
import { releaseTeam } from './commands/release-team';
import { reportIncident } from './commands/report-incident';
import { requireTeam } from './commands/require-team';
import { rescheduleLaunch } from './commands/reschedule-launch';
import { resolveIncident } from './commands/resolve-incident';
import { setGatePolicy } from './commands/set-gate-policy';
import { requireLaunch, requireNotEnded } from './guards';
import type { ExistingLaunch, LaunchState } from './state';

type ChangeCommand = Exclude<LaunchCommand, { type: 'CreateLaunch' | 'RecordGateEvaluation' }>;

/**
 * Order of checks: the stream must hold a launch, then (except for gate audits) the launch must not be
 * cancelled or closed, then each command checks its own status rule and its inputs.
 */
export const decide = (command: LaunchCommand, state: LaunchState, context: DecideContext): LaunchEvent[] => {
  switch (command.type) {
    case 'CreateLaunch':
      return createLaunch(command, state, context);
    case 'RecordGateEvaluation':
      return recordGateEvaluation(command, requireLaunch(state, command.data?.launchId));
    default:
      return decideChange(command, requireNotEnded(requireLaunch(state, command.data?.launchId)), context);
  }
};

const decideChange = (
  command: ChangeCommand,
  launch: ExistingLaunch,
  context: DecideContext,
): LaunchEvent[] => {
  switch (command.type) {
    case 'RescheduleLaunch':
      return rescheduleLaunch(command, launch, context);
    case 'EditLaunch':
      return editLaunch(command, launch);
    case 'RequireTeam':
      return requireTeam(command, launch);
    case 'ReleaseTeam':
      return releaseTeam(command, launch);
    case 'RecordGoNoGo':
      return recordGoNoGo(command, launch, context);
    case 'MarkLaunched':
      return markLaunched(command, launch, context);
    case 'ExtendHypercare':
      return extendHypercare(command, launch, context);
    case 'ReportIncident':
      return reportIncident(command, launch, context);
    case 'ResolveIncident':
      return resolveIncident(command, launch, context);
    case 'RecordIncidentAlert':
      return recordIncidentAlert(command, launch, context);
    case 'EndHypercare':
      return endHypercare(command, launch, context);
    case 'CloseLaunch':
      return closeLaunch(launch, context);
    case 'CancelLaunch':
      return cancelLaunch(command, launch, context);
    case 'SetGatePolicy':
      return setGatePolicy(command, launch);
    default:
      return refuseUnknown(command);
  }
};

// Reachable only when a message does not match its declared type (commands arrive as JSON).
const refuseUnknown = (command: never): never => {
  const type = (command as { type?: unknown }).type;
  throw new DomainError(ErrorCodes.LAUNCH_INVALID_INPUT, `Unknown launch command ${JSON.stringify(type)}.`);
};
