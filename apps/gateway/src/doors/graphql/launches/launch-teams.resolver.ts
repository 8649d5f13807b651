import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { checklistIdFor } from '@tminus/contracts';
import { authorize } from '../../../core/auth/access-control';
import type { ProjectedEnvelope } from '../../../core/read-model/projector/project-envelope';
import { validateInput } from '../../../core/validation/validate-input';
import type { GatewayContext } from '../common/gateway-context';
import { LaunchMutations } from './launch-commands';
import { LaunchTeamInput } from './launch.inputs';
import { Launch } from './launch.types';
import { launchTeamSchema, requireTeamSchema } from './launch.validation';

const OPENING_EVENTS: ReadonlySet<string> = new Set(['ChecklistOpened', 'ChecklistReopened']);

/** The checklists service opens (or reopens) the team's checklist in reaction to TeamRequired. */
const checklistOpened =
  (checklistId: string) =>
  ({ envelope }: ProjectedEnvelope): boolean =>
    envelope.streamId === checklistId && OPENING_EVENTS.has(envelope.type);

/** Which teams a launch needs. */
@Resolver()
export class LaunchTeamsResolver {
  constructor(@Inject(LaunchMutations) private readonly launches: LaunchMutations) {}

  @Mutation(() => Launch, {
    description:
      "Makes a team required. Returns once the team's checklist is open too (or, if that takes longer than the command timeout, without it).",
  })
  async requireTeam(
    @Args('input', { type: () => LaunchTeamInput }) input: LaunchTeamInput,
    @Context() ctx: GatewayContext,
  ): Promise<Launch> {
    const principal = authorize(ctx.principal, 'requireTeam');
    const data = validateInput(requireTeamSchema, input);
    const launch = await this.launches.existing(data.launchId);
    const team = await this.launches.existingTeam(data.teamId);
    return this.launches.run(
      principal,
      launch.id,
      {
        type: 'RequireTeam',
        data: { launchId: launch.id, teamId: team.id, signOffsRequired: data.signOffsRequired ?? 1 },
      },
      checklistOpened(checklistIdFor(launch.id, team.id)),
    );
  }

  @Mutation(() => Launch)
  async releaseTeam(
    @Args('input', { type: () => LaunchTeamInput }) input: LaunchTeamInput,
    @Context() ctx: GatewayContext,
  ): Promise<Launch> {
    const principal = authorize(ctx.principal, 'releaseTeam');
    const data = validateInput(launchTeamSchema, input);
    const launch = await this.launches.existing(data.launchId);
    // A required team is released by its id even if its own events have not arrived yet.
    const teamId = launch.requiredTeamIds.includes(data.teamId)
      ? data.teamId
      : (await this.launches.existingTeam(data.teamId)).id;
    return this.launches.run(principal, launch.id, {
      type: 'ReleaseTeam',
      data: { launchId: launch.id, teamId },
    });
  }
}
