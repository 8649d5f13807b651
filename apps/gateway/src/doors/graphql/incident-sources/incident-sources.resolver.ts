import { Inject, Optional } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { authorize } from '../../../core/auth/access-control';
import { actorOf } from '../../../core/auth/principal';
import type { GatewayContext } from '../../graphql/common/gateway-context';
import { AuditTrail } from '../../../core/read-model/audit/audit-trail';
import {
  IncidentSourceMapping,
  MapIncidentSourceInput,
  UnmapIncidentSourceInput,
} from './incident-source.graphql-types';
import { ManageIncidentSources } from '../../../core/incidents/mappings/manage-incident-sources';

/** Which launch the incidents of PagerDuty services, Alertmanager alerts and generic services feed. */
@Resolver()
export class IncidentSourcesResolver {
  constructor(
    @Inject(ManageIncidentSources) private readonly manage: ManageIncidentSources,
    @Optional() @Inject(AuditTrail) private readonly audit: AuditTrail | null,
  ) {}

  @Mutation(() => IncidentSourceMapping, {
    description:
      "Feeds the incidents of an on-call tool's service into a launch's hypercare (re-points an existing match).",
  })
  async mapIncidentSource(
    @Args('input', { type: () => MapIncidentSourceInput }) input: MapIncidentSourceInput,
    @Context() ctx: GatewayContext,
  ): Promise<IncidentSourceMapping> {
    const principal = authorize(ctx.principal, 'mapIncidentSource');
    const mapping = await this.manage.map(principal, input);
    await this.audit?.record({
      type: 'IncidentSourceMapped',
      subjectId: mapping.id,
      actor: actorOf(principal),
      launchId: mapping.launchId,
      summary: `${mapping.source} ${mapping.match} mapped to launch ${mapping.launchKey ?? mapping.launchId}`,
      data: { source: mapping.source, match: mapping.match },
    });
    return mapping;
  }

  @Mutation(() => Boolean, { description: 'Removes a mapping; true when there was one.' })
  async unmapIncidentSource(
    @Args('input', { type: () => UnmapIncidentSourceInput }) input: UnmapIncidentSourceInput,
    @Context() ctx: GatewayContext,
  ): Promise<boolean> {
    const principal = authorize(ctx.principal, 'unmapIncidentSource');
    const removed = await this.manage.unmap(input);
    if (removed) {
      await this.audit?.record({
        type: 'IncidentSourceUnmapped',
        subjectId: removed.id,
        actor: actorOf(principal),
        launchId: removed.launchId,
        summary: `${removed.source} ${removed.match} unmapped`,
        data: { source: removed.source, match: removed.match },
      });
    }
    return removed !== null;
  }

  @Query(() => [IncidentSourceMapping])
  async incidentSources(@Context() ctx: GatewayContext): Promise<IncidentSourceMapping[]> {
    authorize(ctx.principal, 'incidentSources');
    return this.manage.list();
  }
}
