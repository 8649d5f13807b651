import {
  CHECKLIST_COMMAND_TYPES,
  Topics,
  type ChecklistCommand,
  type ChecklistEvent,
} from '@tminus/contracts';
import { CommandProcessor, type CommandContext, type ServiceKit } from '@tminus/service-kit';
import { checklistDecider, type ChecklistState } from '../domain';
import { roleIn, teamViews } from '../views/team-view';

/**
 * A sign-off carries the signer's role in the checklist's team, from this service's view of the team
 * (whatever the sender put there): the decider stays pure and never trusts the caller with it.
 */
async function withSignerRole({
  tx,
  envelope,
  command,
  state,
}: CommandContext<ChecklistCommand, ChecklistState>): Promise<ChecklistCommand | void> {
  if (command.type !== 'SignOffChecklist') return;
  const team = state.status === 'NONE' ? null : await teamViews.get(tx, state.teamId);
  return { ...command, data: { ...command.data, signerTeamRole: roleIn(team, envelope.actor.userId) } };
}

export const checklistCommandProcessor = (
  kit: ServiceKit,
): CommandProcessor<ChecklistCommand, ChecklistEvent, ChecklistState> =>
  new CommandProcessor({
    service: 'checklists',
    decider: checklistDecider,
    commandTypes: CHECKLIST_COMMAND_TYPES,
    streamIdOf: (command) => command.data.checklistId,
    eventsTopic: Topics.checklistsEvents,
    store: kit.store,
    relay: kit.relay,
    observer: kit.observer,
    prepare: withSignerRole,
  });
