import { Topics } from '@tminus/contracts';
import {
  COMMAND_SINK,
  commandsController,
  startService,
  type RunningApp,
  type ServiceDeps,
  type ServiceKit,
  type ServiceParts,
} from '@tminus/service-kit';
import { launchCommandProcessor } from './commands/launch-command-processor';
import { HypercareEndScheduler } from './scheduler/hypercare-end-scheduler';

export type { RunningApp, ServiceDeps } from '@tminus/service-kit';

function launchesService(kit: ServiceKit): ServiceParts {
  const processor = launchCommandProcessor(kit);
  const scheduler = new HypercareEndScheduler({
    store: kit.store,
    commands: processor,
    logger: kit.logger.child({ component: 'hypercare-end' }),
  });
  kit.addObserver(scheduler.observe);
  return {
    controllers: [commandsController(Topics.launchesCommands)],
    providers: [{ provide: COMMAND_SINK, useValue: processor }],
    onStarted: () => scheduler.start(),
    onClosing: async () => scheduler.stop(),
  };
}

/**
 * The launches service: commands on `tminus.launches.commands`, events and outcomes on
 * `tminus.launches.events`; the scheduler that closes launches when hypercare ends.
 */
export function startLaunches(deps: ServiceDeps): Promise<RunningApp> {
  return startService({ service: 'launches', deps, build: launchesService });
}
