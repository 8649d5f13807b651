import { Topics } from '@tminus/contracts';
import {
  COMMAND_SINK,
  commandsController,
  startService,
  type RunningApp,
  type ServiceDeps,
} from '@tminus/service-kit';
import { launchCommandProcessor } from './commands/launch-command-processor';

export type { RunningApp, ServiceDeps } from '@tminus/service-kit';

/** The launches service: commands on `tminus.launches.commands`, events and outcomes on `tminus.launches.events`. */
export function startLaunches(deps: ServiceDeps): Promise<RunningApp> {
  return startService({
    service: 'launches',
    deps,
    build: (kit) => ({
      controllers: [commandsController(Topics.launchesCommands)],
      providers: [{ provide: COMMAND_SINK, useValue: launchCommandProcessor(kit) }],
    }),
  });
}
