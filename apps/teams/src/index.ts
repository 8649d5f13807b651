import { Topics } from '@tminus/contracts';
import {
  COMMAND_SINK,
  commandsController,
  startService,
  type RunningApp,
  type ServiceDeps,
} from '@tminus/service-kit';
import { teamCommandProcessor } from './commands/team-command-processor';

export type { RunningApp, ServiceDeps } from '@tminus/service-kit';

/** The teams service: commands on `tminus.teams.commands`, events and outcomes on `tminus.teams.events`. */
export function startTeams(deps: ServiceDeps): Promise<RunningApp> {
  return startService({
    service: 'teams',
    deps,
    build: (kit) => ({
      controllers: [commandsController(Topics.teamsCommands)],
      providers: [{ provide: COMMAND_SINK, useValue: teamCommandProcessor(kit) }],
    }),
  });
}
