import { Global, Module, type DynamicModule, type Provider } from '@nestjs/common';
import { Authenticator } from '../auth/authenticator';
import { TokenService } from '../auth/token-service';
import { TokenStore } from '../auth/token-store';
import { CommandSender } from '../commands/command-sender';
import { Clock } from '../graphql/common/clock';
import { LaunchFeed } from '../graphql/subscriptions/launch-feed';
import { ProjectionLagMonitor } from '../gates/staleness/projection-lag-monitor';
import { GatewayHealth } from '../http/gateway-health';
import { GatewayMetrics } from '../http/gateway-metrics';
import { AuditTrail } from '../read-model/audit/audit-trail';
import { GateEvaluator } from '../read-model/queries/gate-evaluator';
import { ReadModelQueries } from '../read-model/queries/read-model-queries';
import type { GatewayServices } from './gateway-services';

/** Injection token of the gateway's pino logger. */
export const GATEWAY_LOGGER = Symbol('GATEWAY_LOGGER');

/**
 * The gateway's services, injectable everywhere by class: the GraphQL resolvers, and the REST gate and
 * GitHub webhook modules (src/gates, src/github) use the same ReadModelQueries, GateEvaluator,
 * Authenticator, CommandSender and LaunchFeed.
 */
@Global()
@Module({})
export class GatewayCoreModule {
  static create(services: GatewayServices): DynamicModule {
    const providers: Provider[] = [
      { provide: ReadModelQueries, useValue: services.queries },
      { provide: GateEvaluator, useValue: services.gates },
      { provide: CommandSender, useValue: services.sender },
      { provide: LaunchFeed, useValue: services.feed },
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
