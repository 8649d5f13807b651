import type { DynamicModule, Type } from '@nestjs/common';
import { GatesModule } from '../gates/gates.module';
import type { GithubConfig } from '../github/config/github-config';
import { GithubModule } from '../github/github.module';
import {
  loadIncidentIngestConfig,
  type IncidentIngestConfig,
} from '../incident-ingest/config/incident-ingest-config';
import { IncidentIngestModule } from '../incident-ingest/incident-ingest.module';
import type { GatewayServices } from './gateway-services';

/**
 * Feature modules mounted next to GraphQL: the REST release gate (src/gates) and the GitHub deployment
 * protection rule (src/github), and incidents from on-call tools (src/incident-ingest). They inject what GatewayCoreModule exports.
 */
export const featureModules = (
  services: GatewayServices,
  github: GithubConfig,
  incidents: IncidentIngestConfig = loadIncidentIngestConfig({}),
): (Type | DynamicModule)[] => [
  GatesModule,
  GithubModule.register({ db: services.db, config: github }),
  IncidentIngestModule.register({ db: services.db, config: incidents }),
];
