import type { DynamicModule, Type } from '@nestjs/common';
import { GatesModule } from '../doors/rest-gate/gates.module';
import type { GithubConfig } from '../doors/github/config/github-config';
import { GithubModule } from '../doors/github/github.module';
import {
  loadIncidentIngestConfig,
  type IncidentIngestConfig,
} from '../core/incidents/config/incident-ingest-config';
import { IncidentWebhooksModule } from './incident-webhooks.module';
import { ChecksModule } from '../doors/checks/checks.module';
import { CliDownloadModule } from '../doors/cli-download/cli-download.module';
import { ReportsModule } from '../doors/reports/reports.module';
import type { GatewayServices } from './gateway-services';

/**
 * Feature modules mounted next to GraphQL, one per REST door: the release gate (src/doors/rest-gate), CI results
 * (doors/checks), readiness reports (doors/reports), the CLI tarball (doors/cli-download), the GitHub deployment
 * protection rule (doors/github) and incidents from on-call tools (doors/incident-webhooks). They inject what
 * GatewayCoreModule exports.
 */
export const featureModules = (
  services: GatewayServices,
  github: GithubConfig,
  incidents: IncidentIngestConfig = loadIncidentIngestConfig({}),
): (Type | DynamicModule)[] => [
  GatesModule,
  ChecksModule,
  ReportsModule,
  CliDownloadModule,
  GithubModule.register({ db: services.db, config: github }),
  IncidentWebhooksModule.register({ db: services.db, config: incidents }),
];
