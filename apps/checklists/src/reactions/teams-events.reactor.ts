import { Reactor, type ServiceKit } from '@tminus/service-kit';
import { applyTeamEvent, isTeamEvent, teamViews } from '../views/team-view';
import type { TeamArrivals } from './team-arrivals';

/** Keeps the service's view of teams (function, members and roles) from `tminus.teams.events`. */
export const teamsEventsReactor = (kit: ServiceKit, arrivals: TeamArrivals): Reactor =>
  new Reactor({
    name: 'checklists.teams-events',
    store: kit.store,
    logger: kit.logger,
    project: async (tx, event) => {
      if (!isTeamEvent(event)) return;
      const view = await teamViews.get(tx, event.data.teamId);
      await teamViews.put(tx, event.data.teamId, applyTeamEvent(view, event));
    },
    onProjected: (event) => {
      if (isTeamEvent(event)) arrivals.notify(event.data.teamId);
    },
  });
