import type { DynamicModule, Type } from '@nestjs/common';
import { GatesModule } from '../doors/rest-gate/gates.module';
import type { GithubConfig } from '../doors/github/config/github-config';
import { GithubModule } from '../doors/github/github.module';
import type { GatewayServices } from './gateway-services';

/**
 * Feature modules mounted next to GraphQL: the REST release gate (src/doors/rest-gate) and the GitHub deployment
 * protection rule (src/doors/github). They inject what GatewayCoreModule exports.
 */
export const featureModules = (services: GatewayServices, github: GithubConfig): (Type | DynamicModule)[] => [
  GatesModule,
  GithubModule.register({ db: services.db, config: github }),
];
