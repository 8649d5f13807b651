import type { DynamicModule, Type } from '@nestjs/common';
import { ChecksModule } from '../checks/checks.module';
import { CliDownloadModule } from '../cli-download/cli-download.module';
import { GatesModule } from '../gates/gates.module';
import type { GithubConfig } from '../github/config/github-config';
import { GithubModule } from '../github/github.module';
import { ReportsModule } from '../reports/reports.module';
import type { GatewayServices } from './gateway-services';

/**
 * Feature modules mounted next to GraphQL: the REST release gate (src/gates) and the GitHub deployment
 * protection rule (src/github). They inject what GatewayCoreModule exports.
 */
export const featureModules = (services: GatewayServices, github: GithubConfig): (Type | DynamicModule)[] => [
  GatesModule,
  ChecksModule,
  ReportsModule,
  CliDownloadModule,
  GithubModule.register({ db: services.db, config: github }),
];
