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
} from './core/read-model/store/database';
export { LIVE_TABLES } from './core/read-model/store/tables';
export { rebuildProjections, type RebuildReport } from './core/read-model/rebuild/rebuild-projections';
export { ADMIN_TOKEN_FILE } from './core/auth/admin-bootstrap';
export { loadGatewayConfig, type GatewayConfig } from './core/config/gateway-config';
export { loadGateConfig, type GateConfig } from './core/gates/gate-config';
export { loadGithubConfig, type GithubConfig } from './doors/github/config/github-config';
export {
  loadIncidentIngestConfig,
  type IncidentIngestConfig,
} from './core/incidents/config/incident-ingest-config';
