export { GraphiqlModule, type GraphiqlModuleOptions } from './graphiql.module';
export { GRAPHIQL_ASSETS, locateGraphiqlAssets } from './graphiql-assets';
