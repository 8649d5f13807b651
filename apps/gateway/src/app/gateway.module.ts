import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import { GraphiqlModule } from '../doors/graphiql';
import { RESOLVER_HELPERS, RESOLVERS } from '../doors/graphql/resolvers';
import { HealthController } from '../doors/http/health.controller';
import { WebAppModule } from '../doors/web-app';
import { GatewayCoreModule } from './gateway-core.module';
import type { GatewayServices } from './gateway-services';
import type { FastRoutes } from '../doors/http/ahead-of-nest';

export interface GatewayModuleOptions {
  readonly services: GatewayServices;
  readonly graphql: ApolloDriverConfig;
  readonly features: readonly (Type | DynamicModule)[];
  /** Where feature modules add the routes served ahead of Nest (start-gateway puts them on the server). */
  readonly fastRoutes?: FastRoutes;
}

/** The gateway's root module: GraphQL, GraphiQL, the web app, health and metrics, plus the feature modules. */
@Module({})
export class GatewayModule {
  static create(options: GatewayModuleOptions): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        GatewayCoreModule.create(options.services, options.fastRoutes),
        GraphQLModule.forRoot<ApolloDriverConfig>(options.graphql),
        GraphiqlModule.register(),
        WebAppModule.register(),
        ...options.features,
      ],
      controllers: [HealthController],
      providers: [...RESOLVER_HELPERS, ...RESOLVERS],
    };
  }
}
