import { ErrorCodes, INCIDENT_SOURCES, newId } from '@tminus/contracts';
import { z } from 'zod';
import type { Principal } from '../../auth/principal';
import { badUserInput, notFound } from '../../errors/gateway-error';
import type { ReadModelQueries } from '../../read-model/queries/read-model-queries';
import { validateInput } from '../../validation/validate-input';
import { MAX_MATCH_LENGTH, parseLabelMatcher } from '../domain/label-matcher';
import type { IncidentSourceMapping, IncidentSourceMappings } from '../store/incident-source-mappings';

const mapSchema = z.object({
  source: z.enum(INCIDENT_SOURCES),
  match: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(MAX_MATCH_LENGTH, `must be at most ${MAX_MATCH_LENGTH} characters`),
  launchId: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
});
const unmapSchema = z.object({
  id: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
});

export interface IncidentSourceView extends IncidentSourceMapping {
  readonly launchKey: string | null;
}

/** The GraphQL-facing use cases of the incident source mappings. */
export class ManageIncidentSources {
  constructor(
    private readonly mappings: IncidentSourceMappings,
    private readonly queries: Pick<ReadModelQueries, 'launch'>,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async map(principal: Principal, input: unknown): Promise<IncidentSourceView> {
    const data = validateInput(mapSchema, input);
    if (data.source === 'ALERTMANAGER' && parseLabelMatcher(data.match) === null) {
      throw badUserInput([
        {
          field: 'input.match',
          message:
            'must be a label matcher such as service="checkout" (several joined by commas; = or != only)',
        },
      ]);
    }
    const launch = await this.queries.launch(data.launchId);
    if (launch === null)
      throw notFound(ErrorCodes.LAUNCH_NOT_FOUND, `No launch with id or key "${data.launchId}"`);
    const mapping = await this.mappings.put({
      id: newId(),
      source: data.source,
      match: data.match,
      launchId: launch.id,
      createdAt: this.clock().toISOString(),
      createdBy: principal.userId,
    });
    return { ...mapping, launchKey: launch.key };
  }

  /** The removed mapping, or null when there was none. */
  async unmap(input: unknown): Promise<IncidentSourceMapping | null> {
    const data = validateInput(unmapSchema, input);
    return this.mappings.remove(data.id);
  }

  async list(): Promise<IncidentSourceView[]> {
    const mappings = await this.mappings.list();
    const keys = new Map<string, string | null>();
    for (const mapping of mappings) {
      if (!keys.has(mapping.launchId))
        keys.set(mapping.launchId, (await this.queries.launch(mapping.launchId))?.key ?? null);
    }
    return mappings.map((mapping) => ({ ...mapping, launchKey: keys.get(mapping.launchId) ?? null }));
  }
}
