import { ErrorCodes } from '@tminus/contracts';
import { z } from 'zod';
import { authorize } from '../auth/access-control';
import type { Principal } from '../auth/principal';
import { badUserInput, notFound } from '../errors/gateway-error';
import { parseGateEnvironment } from '../gates/gate-environment';
import type { ReadModelQueries } from '../read-model/queries/read-model-queries';
import { validateInput } from '../validation/validate-input';
import { mappingKey, type EnvironmentMapping, type EnvironmentMappings } from './environment-mappings';

/** Mapping repositories to launches decides what may deploy: launch managers' business (the access policy). */
export function authorizeMappings(
  principal: Principal | null,
  operation: 'mapGithubEnvironment' | 'unmapGithubEnvironment' | 'githubEnvironmentMappings',
): Principal {
  return authorize(principal, operation);
}

const repository = () =>
  z
    .string()
    .trim()
    .max(200, 'must be at most 200 characters')
    .regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, 'must be "owner/name", e.g. "acme/checkout"');
const githubEnvironment = () =>
  z.string().trim().min(1, 'must not be empty').max(255, 'must be at most 255 characters');

const mapSchema = z.object({
  repository: repository(),
  environment: githubEnvironment(),
  launchId: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  gateEnvironment: z.string().nullish(),
});
const unmapSchema = z.object({ repository: repository(), environment: githubEnvironment() });

export interface MappingView extends EnvironmentMapping {
  readonly launchKey: string | null;
}

/** The GraphQL-facing use cases of the GitHub mappings. */
export class ManageMappings {
  constructor(
    private readonly mappings: EnvironmentMappings,
    private readonly queries: Pick<ReadModelQueries, 'launch'>,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async map(principal: Principal, input: unknown): Promise<MappingView> {
    const data = validateInput(mapSchema, input);
    const gate = parseGateEnvironment(data.gateEnvironment ?? data.environment);
    if (!gate.ok) {
      const field = data.gateEnvironment ? 'input.gateEnvironment' : 'input.environment';
      const hint = data.gateEnvironment ? '' : '; name the tminus environment with gateEnvironment';
      throw badUserInput([{ field, message: `${gate.message}${hint}` }]);
    }
    const launch = await this.queries.launch(data.launchId);
    if (launch === null)
      throw notFound(ErrorCodes.LAUNCH_NOT_FOUND, `No launch with id or key "${data.launchId}"`);
    const key = mappingKey(data.repository, data.environment);
    const mapping = await this.mappings.put({
      ...key,
      environmentName: data.environment,
      launchId: launch.id,
      gateEnvironment: gate.environment,
      createdAt: this.clock().toISOString(),
      createdBy: principal.userId,
    });
    return { ...mapping, launchKey: launch.key };
  }

  async unmap(input: unknown): Promise<boolean> {
    const data = validateInput(unmapSchema, input);
    return this.mappings.remove(data.repository, data.environment);
  }

  async list(filter: { repository?: string | null; launchId?: string | null }): Promise<MappingView[]> {
    const launchId = filter.launchId
      ? ((await this.queries.launch(filter.launchId))?.id ?? filter.launchId)
      : null;
    const mappings = await this.mappings.list({ repository: filter.repository, launchId });
    const keys = new Map<string, string | null>();
    for (const mapping of mappings) {
      if (!keys.has(mapping.launchId))
        keys.set(mapping.launchId, (await this.queries.launch(mapping.launchId))?.key ?? null);
    }
    return mappings.map((mapping) => ({ ...mapping, launchKey: keys.get(mapping.launchId) ?? null }));
  }
}
