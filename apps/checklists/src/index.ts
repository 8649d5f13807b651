import { Topics } from '@tminus/contracts';
import {
  COMMAND_SINK,
  CommandRouter,
  commandsController,
  reactionsController,
  startService,
  type RunningApp,
  type ServiceDeps,
  type ServiceKit,
  type ServiceParts,
} from '@tminus/service-kit';
import { checklistCommandProcessor } from './commands/checklist-command-processor';
import { templateCommandProcessor } from './commands/template-command-processor';
import { launchesEventsReactor } from './reactions/launches-events.reactor';
import { TeamArrivals } from './reactions/team-arrivals';
import { teamsEventsReactor } from './reactions/teams-events.reactor';
import { WaiverExpiryScheduler } from './scheduler/waiver-expiry-scheduler';

export type { RunningApp, ServiceDeps } from '@tminus/service-kit';

const LAUNCHES_REACTOR = Symbol('LAUNCHES_REACTOR');
const TEAMS_REACTOR = Symbol('TEAMS_REACTOR');

function checklistsService(kit: ServiceKit): ServiceParts {
  const router = new CommandRouter([checklistCommandProcessor(kit), templateCommandProcessor(kit)]);
  const scheduler = new WaiverExpiryScheduler({
    store: kit.store,
    commands: router,
    logger: kit.logger.child({ component: 'waiver-expiry' }),
  });
  kit.addObserver(scheduler.observe);
  const arrivals = new TeamArrivals({ read: (work) => kit.store.transaction(work) });
  return {
    controllers: [
      commandsController(Topics.checklistsCommands),
      reactionsController(Topics.launchesEvents, LAUNCHES_REACTOR),
      reactionsController(Topics.teamsEvents, TEAMS_REACTOR),
    ],
    providers: [
      { provide: COMMAND_SINK, useValue: router },
      { provide: LAUNCHES_REACTOR, useValue: launchesEventsReactor(kit, router, arrivals) },
      { provide: TEAMS_REACTOR, useValue: teamsEventsReactor(kit, arrivals) },
    ],
    onStarted: () => scheduler.start(),
    onClosing: async () => scheduler.stop(),
  };
}

/**
 * The checklists service: checklist and template commands on `tminus.checklists.commands`; reactions
 * to `tminus.launches.events` (open, move, close checklists) and `tminus.teams.events` (its view of
 * teams); the waiver expiry scheduler. Events and outcomes go to `tminus.checklists.events`.
 */
export function startChecklists(deps: ServiceDeps): Promise<RunningApp> {
  return startService({ service: 'checklists', deps, build: checklistsService });
}
