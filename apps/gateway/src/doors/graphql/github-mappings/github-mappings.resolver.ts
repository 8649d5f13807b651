import { Inject, Optional } from '@nestjs/common';
import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { GatewayContext } from '../common/gateway-context';
import { actorOf } from '../../../core/auth/principal';
import { AuditTrail } from '../../../core/read-model/audit/audit-trail';
import { authorizeMappings, ManageMappings, type MappingView } from '../../../core/github/manage-mappings';
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
  constructor(
    @Inject(ManageMappings) private readonly manage: ManageMappings,
    // Optional: the GitHub module also runs on its own (tests), without the gateway's audit trail.
    @Optional() @Inject(AuditTrail) private readonly audit: AuditTrail | null,
  ) {}

  @Mutation(() => GithubEnvironmentMapping, {
    description:
      "Makes a launch's gate answer a GitHub environment's deployment protection rule (replaces any mapping).",
  })
  async mapGithubEnvironment(
    @Args('input', { type: () => MapGithubEnvironmentInput }) input: MapGithubEnvironmentInput,
    @Context() ctx: GatewayContext,
  ): Promise<GithubEnvironmentMapping> {
    const principal = authorizeMappings(ctx.principal, 'mapGithubEnvironment');
    const mapping = await this.manage.map(principal, input);
    await this.audit?.record({
      type: 'GithubEnvironmentMapped',
      subjectId: `${mapping.repository}:${mapping.environment}`,
      actor: actorOf(principal),
      launchId: mapping.launchId,
      summary: `GitHub ${mapping.repository} environment ${mapping.environment} mapped to launch ${mapping.launchKey ?? mapping.launchId}`,
    });
    return toGraphql(mapping);
  }

  @Mutation(() => Boolean, { description: 'Removes a mapping; true when there was one.' })
  async unmapGithubEnvironment(
    @Args('input', { type: () => UnmapGithubEnvironmentInput }) input: UnmapGithubEnvironmentInput,
    @Context() ctx: GatewayContext,
  ): Promise<boolean> {
    const principal = authorizeMappings(ctx.principal, 'unmapGithubEnvironment');
    const removed = await this.manage.unmap(input);
    if (removed) {
      const { repository, environment } = input;
      await this.audit?.record({
        type: 'GithubEnvironmentUnmapped',
        subjectId: `${repository}:${environment}`,
        actor: actorOf(principal),
        summary: `GitHub ${repository} environment ${environment} unmapped`,
      });
    }
    return removed;
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
