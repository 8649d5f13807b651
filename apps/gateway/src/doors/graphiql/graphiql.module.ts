import { Module, type DynamicModule } from '@nestjs/common';
import { locateGraphiqlAssets, type PackageLocator } from './graphiql-assets';
import { GRAPHIQL_ASSETS_LOCATED, GRAPHIQL_OPTIONS, GraphiqlController } from './graphiql.controller';
import { DEFAULT_GRAPHIQL_OPTIONS, type GraphiqlPageOptions } from './graphiql-page';

export interface GraphiqlModuleOptions {
  /** The GraphQL endpoint the page talks to (default `/graphql`). */
  readonly graphqlPath?: string;
  /** Where to find the packages (tests); default: Node's resolution. */
  readonly locate?: PackageLocator;
}

/**
 * `GET /graphiql`: GraphiQL from local files (graphiql 3 + react 18 UMD bundles), subscriptions over
 * graphql-ws included. Import `GraphiqlModule.register()` in the gateway's root module.
 */
@Module({})
export class GraphiqlModule {
  static register(options: GraphiqlModuleOptions = {}): DynamicModule {
    const page: GraphiqlPageOptions = {
      ...DEFAULT_GRAPHIQL_OPTIONS,
      graphqlPath: options.graphqlPath ?? DEFAULT_GRAPHIQL_OPTIONS.graphqlPath,
    };
    return {
      module: GraphiqlModule,
      controllers: [GraphiqlController],
      providers: [
        { provide: GRAPHIQL_OPTIONS, useValue: page },
        // Located once at start: a missing package is reported by the page, never by a crash.
        { provide: GRAPHIQL_ASSETS_LOCATED, useFactory: () => locateGraphiqlAssets(options.locate) },
      ],
    };
  }
}
