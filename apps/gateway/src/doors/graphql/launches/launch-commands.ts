import { Injectable, Inject } from '@nestjs/common';
import { ErrorCodes, type LaunchCommand } from '@tminus/contracts';
import { actorOf, type Principal } from '../../../core/auth/principal';
import { CommandSender, type SendOptions } from '../../../core/commands/command-sender';
import { notFound } from '../../../core/errors/gateway-error';
import { checklistsMovedBy, type LaunchView, type TeamView } from '../../../core/read-model/domain';
import { ReadModelQueries } from '../../../core/read-model/queries/read-model-queries';
import { Clock } from '../../../core/clock';
import { toLaunch } from './launch.mapper';
import type { Launch } from './launch.types';

/**
 * The launch mutations' common path: find the launch (by id or key), send the command to the
 * launches service, wait for its outcome, answer with the launch as the read model now shows it.
 */
@Injectable()
export class LaunchMutations {
  constructor(
    @Inject(ReadModelQueries) private readonly queries: ReadModelQueries,
    @Inject(CommandSender) private readonly sender: CommandSender,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async existing(ref: string): Promise<LaunchView> {
    const launch = await this.queries.launch(ref);
    if (launch === null) throw notFound(ErrorCodes.LAUNCH_NOT_FOUND, `No launch with id or key "${ref}"`);
    return launch;
  }

  async existingTeam(ref: string): Promise<TeamView> {
    const team = await this.queries.team(ref);
    if (team === null) throw notFound(ErrorCodes.TEAM_NOT_FOUND, `No team with id or key "${ref}"`);
    return team;
  }

  /** Sends `command` for launch `launchId` and answers with that launch once the outcome is visible. */
  async run(
    principal: Principal,
    launchId: string,
    command: LaunchCommand,
    alsoAwait?: SendOptions['alsoAwait'],
  ): Promise<Launch> {
    await this.sender.send(
      { service: 'launches', aggregateId: launchId, command },
      { actor: actorOf(principal), alsoAwait },
    );
    return this.current(launchId);
  }

  /** The checklists a reschedule of the launch to `targetDate` will move (see checklistsMovedBy). */
  async checklistsMovedBy(launchId: string, targetDate: string): Promise<string[]> {
    const snapshot = await this.queries.launchSnapshot(launchId);
    return snapshot === null ? [] : checklistsMovedBy(snapshot.launch, snapshot.checklists, targetDate);
  }

  async current(launchId: string): Promise<Launch> {
    const snapshot = await this.queries.launchSnapshot(launchId);
    if (snapshot === null) throw notFound(ErrorCodes.LAUNCH_NOT_FOUND, `No launch with id "${launchId}"`);
    return toLaunch(snapshot, this.clock.now());
  }
}
