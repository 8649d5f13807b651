import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { ErrorCodes, newId } from '@tminus/contracts';
import { authorize, authorizeForLaunchSupport } from '../../../core/auth/access-control';
import type { Principal } from '../../../core/auth/principal';
import type { LaunchView } from '../../../core/read-model/domain';
import { notFound } from '../../../core/errors/gateway-error';
import { ReadModelQueries } from '../../../core/read-model/queries/read-model-queries';
import { validateInput } from '../../../core/validation/validate-input';
import type { GatewayContext } from '../common/gateway-context';
import { LaunchMutations } from '../launches/launch-commands';
import { Incident, type Launch } from '../launches/launch.types';
import { ReportIncidentInput, ResolveIncidentInput } from './incident.inputs';
import { reportIncidentSchema, resolveIncidentSchema } from './incident.validation';

const incidentOf = (launch: Launch, incidentId: string): Incident => {
  const incident = launch.support.incidents.find((candidate) => candidate.id === incidentId);
  if (!incident) throw notFound(ErrorCodes.INCIDENT_NOT_FOUND, `No incident with id "${incidentId}"`);
  return incident;
};

/** Post-launch incidents: reported against a launch, resolved later. */
@Resolver()
export class IncidentsResolver {
  constructor(
    @Inject(LaunchMutations) private readonly launches: LaunchMutations,
    @Inject(ReadModelQueries) private readonly queries: ReadModelQueries,
  ) {}

  @Mutation(() => Incident)
  async reportIncident(
    @Args('input', { type: () => ReportIncidentInput }) input: ReportIncidentInput,
    @Context() ctx: GatewayContext,
  ): Promise<Incident> {
    const principal = authorize(ctx.principal, 'reportIncident');
    const data = validateInput(reportIncidentSchema, input);
    const { id } = await this.supportedLaunch(
      principal,
      'reportIncident',
      await this.launches.existing(data.launchId),
    );
    const incidentId = newId();
    const launch = await this.launches.run(principal, id, {
      type: 'ReportIncident',
      data: { launchId: id, incidentId, severity: data.severity, title: data.title },
    });
    return incidentOf(launch, incidentId);
  }

  @Mutation(() => Incident)
  async resolveIncident(
    @Args('input', { type: () => ResolveIncidentInput }) input: ResolveIncidentInput,
    @Context() ctx: GatewayContext,
  ): Promise<Incident> {
    const principal = authorize(ctx.principal, 'resolveIncident');
    const data = validateInput(resolveIncidentSchema, input);
    const owner = await this.queries.launchOfIncident(data.incidentId);
    if (owner === null)
      throw notFound(ErrorCodes.INCIDENT_NOT_FOUND, `No incident with id "${data.incidentId}"`);
    await this.supportedLaunch(principal, 'resolveIncident', owner);
    const launch = await this.launches.run(principal, owner.id, {
      type: 'ResolveIncident',
      data: { launchId: owner.id, incidentId: data.incidentId, resolution: data.resolution ?? null },
    });
    return incidentOf(launch, data.incidentId);
  }

  /** The launch, once a TEAM_MEMBER is found in one of its SUPPORT or OPERATIONS teams. */
  private async supportedLaunch(
    principal: Principal,
    operation: 'reportIncident' | 'resolveIncident',
    launch: LaunchView,
  ): Promise<LaunchView> {
    if (principal.role === 'TEAM_MEMBER')
      authorizeForLaunchSupport(principal, operation, launch, await this.queries.teams());
    return launch;
  }
}
