/** Ports, URLs and names of the local infrastructure, from the environment with defaults. */

/** One database per service: services never read each other's tables (docs/adr/0001-shape-of-the-system.md). */
export const SERVICE_DATABASES = [
  'tminus_launches',
  'tminus_teams',
  'tminus_checklists',
  'tminus_gateway',
] as const;

const DEFAULT_KAFKA_PORT = 19092;
const DEFAULT_KAFKA_CONTROLLER_PORT = 19093;
/** The machine's PostgreSQL trusts local connections (see deploy/local/README.md). */
export const DEFAULT_PG_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface InfraSettings {
  readonly kafkaPort: number;
  readonly controllerPort: number;
  /** What clients put in KAFKA_BROKERS. 127.0.0.1, not localhost: avoids an IPv6 (::1) first try. */
  readonly brokers: readonly string[];
  readonly pgAdminUrl: string;
  readonly databases: readonly string[];
}

export function loadSettings(env: NodeJS.ProcessEnv = process.env): InfraSettings {
  const kafkaPort = parsePort(env, 'KAFKA_PORT', DEFAULT_KAFKA_PORT);
  const controllerPort = parsePort(env, 'KAFKA_CONTROLLER_PORT', DEFAULT_KAFKA_CONTROLLER_PORT);
  if (kafkaPort === controllerPort) {
    throw new Error(`KAFKA_PORT and KAFKA_CONTROLLER_PORT must differ (both are ${kafkaPort})`);
  }
  return {
    kafkaPort,
    controllerPort,
    brokers: [`127.0.0.1:${kafkaPort}`],
    pgAdminUrl: env.PG_ADMIN_URL || DEFAULT_PG_ADMIN_URL,
    databases: SERVICE_DATABASES,
  };
}

function parsePort(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`${name} must be a TCP port (1-65535), got "${raw}"`);
  }
  return port;
}
