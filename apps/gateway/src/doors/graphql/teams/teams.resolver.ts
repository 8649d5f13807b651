import { Inject } from '@nestjs/common';
import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ErrorCodes, newId, type TeamCommand } from '@tminus/contracts';
import { authorize, authorizeForTeam } from '../../../core/auth/access-control';
import type { Operation } from '../../../core/auth/access-policy';
import { actorOf, type Principal } from '../../../core/auth/principal';
import { CommandSender } from '../../../core/commands/command-sender';
import { badUserInput, notFound } from '../../../core/errors/gateway-error';
import { ReadModelQueries } from '../../../core/read-model/queries/read-model-queries';
import { validateInput } from '../../../core/validation/validate-input';
import type { GatewayContext } from '../common/gateway-context';
import { AddTeamMemberInput, CreateTeamInput, RemoveTeamMemberInput } from './team.inputs';
import { toTeam } from './team.mapper';
import { Team } from './team.types';
import { addMemberSchema, createTeamSchema, removeMemberSchema } from './team.validation';

/** Teams and their members. */
@Resolver(() => Team)
export class TeamsResolver {
  constructor(
    @Inject(ReadModelQueries) private readonly queries: ReadModelQueries,
    @Inject(CommandSender) private readonly sender: CommandSender,
  ) {}

  @Query(() => Team, { nullable: true, description: 'A team by id or by key (give one).' })
  async team(
    @Context() ctx: GatewayContext,
    @Args('id', { type: () => ID, nullable: true }) id?: string | null,
    @Args('key', { type: () => String, nullable: true }) key?: string | null,
  ): Promise<Team | null> {
    authorize(ctx.principal, 'read');
    const ref = id ?? key;
    if (!ref) throw badUserInput([{ field: 'id', message: 'give the id or the key of the team' }]);
    const team = await this.queries.team(ref);
    return team && (!id || !key || team.key === key) ? toTeam(team) : null;
  }

  @Query(() => [Team], { description: 'Every team, by key.' })
  async teams(@Context() ctx: GatewayContext): Promise<Team[]> {
    authorize(ctx.principal, 'read');
    return (await this.queries.teams()).map(toTeam);
  }

  @Mutation(() => Team)
  async createTeam(
    @Args('input', { type: () => CreateTeamInput }) input: CreateTeamInput,
    @Context() ctx: GatewayContext,
  ): Promise<Team> {
    const principal = authorize(ctx.principal, 'createTeam');
    const data = validateInput(createTeamSchema, input);
    const teamId = newId();
    return this.run(principal, teamId, {
      type: 'CreateTeam',
      data: { teamId, key: data.key, name: data.name, function: data.function },
    });
  }

  @Mutation(() => Team)
  async addTeamMember(
    @Args('input', { type: () => AddTeamMemberInput }) input: AddTeamMemberInput,
    @Context() ctx: GatewayContext,
  ): Promise<Team> {
    const principal = authorize(ctx.principal, 'addTeamMember');
    const data = validateInput(addMemberSchema, input);
    const teamId = await this.existingFor(principal, 'addTeamMember', data.teamId);
    return this.run(principal, teamId, {
      type: 'AddTeamMember',
      data: { teamId, userId: data.userId, role: data.role },
    });
  }

  @Mutation(() => Team)
  async removeTeamMember(
    @Args('input', { type: () => RemoveTeamMemberInput }) input: RemoveTeamMemberInput,
    @Context() ctx: GatewayContext,
  ): Promise<Team> {
    const principal = authorize(ctx.principal, 'removeTeamMember');
    const data = validateInput(removeMemberSchema, input);
    const teamId = await this.existingFor(principal, 'removeTeamMember', data.teamId);
    return this.run(principal, teamId, { type: 'RemoveTeamMember', data: { teamId, userId: data.userId } });
  }

  /** The team's id, once the principal may change it (a TEAM_MEMBER must be a LEAD of it). */
  private async existingFor(principal: Principal, operation: Operation, ref: string): Promise<string> {
    const team = await this.queries.team(ref);
    if (team === null) throw notFound(ErrorCodes.TEAM_NOT_FOUND, `No team with id or key "${ref}"`);
    authorizeForTeam(principal, operation, team.id, team);
    return team.id;
  }

  private async run(principal: Principal, teamId: string, command: TeamCommand): Promise<Team> {
    await this.sender.send({ service: 'teams', aggregateId: teamId, command }, { actor: actorOf(principal) });
    const team = await this.queries.team(teamId);
    if (team === null) throw notFound(ErrorCodes.TEAM_NOT_FOUND, `No team with id "${teamId}"`);
    return toTeam(team);
  }
}
