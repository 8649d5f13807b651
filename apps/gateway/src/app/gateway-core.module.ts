import { Global, Module, type DynamicModule, type Provider } from '@nestjs/common';
import { Authenticator } from '../core/auth/authenticator';
import { TokenService } from '../core/auth/token-service';
import { TokenStore } from '../core/auth/token-store';
import { CommandSender } from '../core/commands/command-sender';
import { Clock } from '../core/clock';
import { LaunchFeed } from '../doors/graphql/subscriptions/launch-feed';
import { ProjectionLagMonitor } from '../core/gates/staleness/projection-lag-monitor';
import { GatewayHealth } from '../core/observability/gateway-health';
import { GatewayMetrics } from '../core/observability/gateway-metrics';
import { GateAuditLog } from '../core/gates/audit/gate-audit-log';
import { AuditTrail } from '../core/read-model/audit/audit-trail';
import { GateEvaluator } from '../core/read-model/queries/gate-evaluator';
import { ReadModelQueries } from '../core/read-model/queries/read-model-queries';
import { GATEWAY_LOGGER } from '../core/gateway-logger';
import { LAUNCH_CHANGES } from '../core/feed/launch-changes';
import { ManageMappings } from '../core/github/manage-mappings';
import { FastRoutes } from '../doors/http/ahead-of-nest';
import type { GatewayServices } from './gateway-services';

/**
 * The gateway's services, injectable everywhere by class: the GraphQL resolvers, and the REST gate and
 * GitHub webhook modules (src/doors/rest-gate, src/doors/github) use the same ReadModelQueries, GateEvaluator,
 * Authenticator, CommandSender and LaunchFeed.
 */
@Global()
@Module({})
export class GatewayCoreModule {
  static create(services: GatewayServices, fastRoutes: FastRoutes = new FastRoutes()): DynamicModule {
    const providers: Provider[] = [
      { provide: FastRoutes, useValue: fastRoutes },
      { provide: ReadModelQueries, useValue: services.queries },
      { provide: GateEvaluator, useValue: services.gates },
      { provide: GateAuditLog, useValue: services.gateAudits },
      { provide: CommandSender, useValue: services.sender },
      { provide: LaunchFeed, useValue: services.feed },
      { provide: LAUNCH_CHANGES, useValue: services.launchChanges },
      { provide: ManageMappings, useValue: services.githubMappings },
      { provide: Authenticator, useValue: services.authenticator },
      { provide: TokenService, useValue: services.tokens },
      { provide: TokenStore, useValue: services.tokenStore },
      { provide: AuditTrail, useValue: services.audit },
      { provide: Clock, useValue: services.clock },
      { provide: GatewayMetrics, useValue: services.metrics },
      { provide: GatewayHealth, useValue: services.health },
      { provide: GATEWAY_LOGGER, useValue: services.logger },
      { provide: ProjectionLagMonitor, useValue: services.lag },
    ];
    return { module: GatewayCoreModule, providers, exports: providers };
  }
}
