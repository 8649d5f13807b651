/**
 * The gateway app: GraphQL API (Apollo, code-first), read model and projector, commands with
 * read-your-writes, API-token auth, subscriptions. `startGateway` is what the entries call.
 */
export {
  startGateway,
  DEFAULT_COMMAND_TIMEOUT_MS,
  DEFAULT_GATEWAY_PORT,
  type GatewayDeps,
  type RunningApp,
  type RunningGateway,
} from './app/start-gateway';
export { projectorGroupId, type GatewayServices } from './app/gateway-services';
export {
  openReadModelDatabase,
  GATEWAY_SQLITE_FILE,
  type ReadModelDatabaseOptions,
  type ReadModelDb,
} from './read-model/store/database';
export { LIVE_TABLES } from './read-model/store/tables';
export { rebuildProjections, type RebuildReport } from './read-model/rebuild/rebuild-projections';
export { ADMIN_TOKEN_FILE } from './auth/admin-bootstrap';
export { loadGatewayConfig, type GatewayConfig } from './config/gateway-config';
export { loadGateConfig, type GateConfig } from './gates/gate-config';
export { loadGithubConfig, type GithubConfig } from './github/config/github-config';
export {
  loadIncidentIngestConfig,
  type IncidentIngestConfig,
} from './incident-ingest/config/incident-ingest-config';
