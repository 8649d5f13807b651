import {
  checklistIdFor,
  deterministicId,
  type CloseChecklist,
  type CommandEnvelope,
  type EventEnvelope,
  type LaunchEvent,
  type MoveChecklistDueDates,
  type OpenChecklist,
  type OpenedItemSpec,
  type TeamRequired,
  type TemplateItemSpec,
} from '@tminus/contracts';
import { Reactor, type CommandSink, type ServiceKit } from '@tminus/service-kit';
import { applyLaunchEvent, isLaunchViewEvent, launchViews } from '../views/launch-view';
import { currentTemplate } from '../views/current-template';
import type { TeamArrivals } from './team-arrivals';

/** Template items become checklist items with ids that follow from the checklist (same on every retry). */
const itemsFrom = (checklistId: string, items: readonly TemplateItemSpec[]): OpenedItemSpec[] =>
  items.map((item, index) => ({ ...item, itemId: deterministicId(checklistId, 'item', String(index)) }));

async function openChecklist(
  reactor: Reactor,
  arrivals: TeamArrivals,
  event: EventEnvelope & TeamRequired,
): Promise<CommandEnvelope> {
  const { launchId, teamId, targetDate, signOffsRequired } = event.data;
  const { function: teamFunction } = await arrivals.waitFor(teamId);
  const template =
    teamFunction === null ? null : await reactor.read((tx) => currentTemplate(tx, teamFunction));
  const checklistId = checklistIdFor(launchId, teamId);
  const payload: OpenChecklist['data'] = {
    checklistId,
    launchId,
    teamId,
    teamFunction,
    templateId: template?.templateId ?? null,
    templateVersion: template?.version ?? null,
    targetDate,
    items: itemsFrom(checklistId, template?.items ?? []),
    signOffsRequired,
  };
  return reactor.command(event, { type: 'OpenChecklist', aggregateId: checklistId, payload });
}

async function forEachRequiredTeam(
  reactor: Reactor,
  event: EventEnvelope & LaunchEvent,
  build: (checklistId: string) => { type: string; payload: object },
): Promise<CommandEnvelope[]> {
  const view = await reactor.read((tx) => launchViews.get(tx, event.data.launchId));
  return (view?.requiredTeamIds ?? []).map((teamId) => {
    const checklistId = checklistIdFor(event.data.launchId, teamId);
    return reactor.command(event, { aggregateId: checklistId, ...build(checklistId) });
  });
}

async function commandsFor(
  event: EventEnvelope & LaunchEvent,
  reactor: Reactor,
  arrivals: TeamArrivals,
): Promise<CommandEnvelope[]> {
  switch (event.type) {
    case 'TeamRequired':
      return [await openChecklist(reactor, arrivals, event)];
    case 'LaunchRescheduled':
      return forEachRequiredTeam(reactor, event, (checklistId) => ({
        type: 'MoveChecklistDueDates',
        payload: { checklistId, targetDate: event.data.targetDate } satisfies MoveChecklistDueDates['data'],
      }));
    case 'TeamReleased': {
      const checklistId = checklistIdFor(event.data.launchId, event.data.teamId);
      const payload: CloseChecklist['data'] = { checklistId, reason: 'TEAM_RELEASED' };
      return [reactor.command(event, { type: 'CloseChecklist', aggregateId: checklistId, payload })];
    }
    case 'LaunchCancelled':
      return forEachRequiredTeam(reactor, event, (checklistId) => ({
        type: 'CloseChecklist',
        payload: { checklistId, reason: 'LAUNCH_CANCELLED' } satisfies CloseChecklist['data'],
      }));
    default:
      return [];
  }
}

const REACTED_TO = new Set<string>(['TeamRequired', 'LaunchRescheduled', 'TeamReleased', 'LaunchCancelled']);

/**
 * Follows `tminus.launches.events`: opens a team's checklist from its function's template when the
 * team becomes required, moves due dates on a reschedule, closes checklists on release and cancel.
 */
export const launchesEventsReactor = (
  kit: ServiceKit,
  commands: CommandSink,
  arrivals: TeamArrivals,
): Reactor =>
  new Reactor({
    name: 'checklists.launches-events',
    store: kit.store,
    commands,
    logger: kit.logger,
    project: async (tx, event) => {
      if (!isLaunchViewEvent(event)) return;
      const view = await launchViews.get(tx, event.data.launchId);
      await launchViews.put(tx, event.data.launchId, applyLaunchEvent(view, event));
    },
    commandsFor: (event, reactor) =>
      REACTED_TO.has(event.type)
        ? commandsFor(event as EventEnvelope & LaunchEvent, reactor, arrivals)
        : Promise.resolve([]),
  });
