import { Inject } from '@nestjs/common';
import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { GatewayContext } from '../../graphql/common/gateway-context';
import { authorizeMappings, ManageMappings, type MappingView } from './manage-mappings';
import { MapGithubEnvironmentInput, UnmapGithubEnvironmentInput } from './mapping.inputs';
import { GithubEnvironmentMapping } from './mapping.types';

const toGraphql = (view: MappingView): GithubEnvironmentMapping => ({
  repository: view.repository,
  environment: view.environmentName,
  launchId: view.launchId,
  launchKey: view.launchKey,
  gateEnvironment: view.gateEnvironment,
  createdAt: view.createdAt,
  createdBy: view.createdBy,
});

/** Which launch answers which GitHub environment's deployment protection rule. */
@Resolver()
export class GithubMappingsResolver {
  constructor(@Inject(ManageMappings) private readonly manage: ManageMappings) {}

  @Mutation(() => GithubEnvironmentMapping, {
    description:
      "Makes a launch's gate answer a GitHub environment's deployment protection rule (replaces any mapping).",
  })
  async mapGithubEnvironment(
    @Args('input', { type: () => MapGithubEnvironmentInput }) input: MapGithubEnvironmentInput,
    @Context() ctx: GatewayContext,
  ): Promise<GithubEnvironmentMapping> {
    const principal = authorizeMappings(ctx.principal, 'mapGithubEnvironment');
    return toGraphql(await this.manage.map(principal, input));
  }

  @Mutation(() => Boolean, { description: 'Removes a mapping; true when there was one.' })
  async unmapGithubEnvironment(
    @Args('input', { type: () => UnmapGithubEnvironmentInput }) input: UnmapGithubEnvironmentInput,
    @Context() ctx: GatewayContext,
  ): Promise<boolean> {
    authorizeMappings(ctx.principal, 'unmapGithubEnvironment');
    return this.manage.unmap(input);
  }

  @Query(() => [GithubEnvironmentMapping])
  async githubEnvironmentMappings(
    @Args('repository', { type: () => String, nullable: true }) repository: string | null,
    @Args('launchId', { type: () => ID, nullable: true, description: "A launch's id or key." })
    launchId: string | null,
    @Context() ctx: GatewayContext,
  ): Promise<GithubEnvironmentMapping[]> {
    authorizeMappings(ctx.principal, 'githubEnvironmentMappings');
    return (await this.manage.list({ repository, launchId })).map(toGraphql);
  }
}
