import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allTopicSpecs } from '@tminus/contracts';
import { ensureTopics, namespacedTopicName } from '@tminus/messaging';
import { createTestDatabase, kafkaBrokers, type TestDatabase } from '@tminus/testing';
import { freePort } from '../../../apps/embedded/src/client/embedded-process';
import { AppProcess } from './app-process';

const APPS = ['teams', 'launches', 'checklists', 'gateway'] as const;
type AppName = (typeof APPS)[number];

/**
 * The distributed mode as production runs it: four processes, the real Kafka broker, a PostgreSQL
 * database each. The stack's topics and consumer groups live under their own namespace, so stacks of
 * other tests on the same broker never read its commands.
 */
export class DistributedStack {
  private constructor(
    readonly apps: Record<AppName, AppProcess>,
    private readonly databases: TestDatabase[],
    private readonly dataDir: string,
    readonly adminToken: string,
    /** Prefix of the stack's topics and consumer groups. */
    readonly namespace: string,
  ) {}

  /** `env`: extra variables for every app (e.g. the OTEL_* settings of a tracing test). */
  static async start(env: Readonly<Record<string, string>> = {}): Promise<DistributedStack> {
    const namespace = `e2e-${randomBytes(4).toString('hex')}`;
    const brokers = kafkaBrokers().join(',');
    await ensureTopics(
      kafkaBrokers(),
      allTopicSpecs().map((spec) => ({ ...spec, name: namespacedTopicName(namespace, spec.name) })),
    );
    const databases = await Promise.all(APPS.map((app) => createTestDatabase(`e2e_${app}`)));
    const dataDir = await mkdtemp(join(tmpdir(), 'tminus-gateway-'));
    const adminToken = `tm_e2e_${randomBytes(24).toString('base64url')}`;
    const common = { KAFKA_BROKERS: brokers, KAFKA_TOPIC_NAMESPACE: namespace, LOG_LEVEL: 'info', ...env };
    const apps = {} as Record<AppName, AppProcess>;
    try {
      for (const [index, app] of APPS.entries()) {
        apps[app] = await AppProcess.start(app, {
          ...common,
          DATABASE_URL: databases[index].url,
          PORT: String(await freePort()),
          ...(app === 'gateway'
            ? { TMINUS_DATA_DIR: dataDir, TMINUS_ADMIN_TOKEN: adminToken, GATEWAY_INSTANCE_ID: namespace }
            : {}),
        });
      }
    } catch (error) {
      await Promise.all(Object.values(apps).map((running) => running.kill('SIGKILL')));
      await Promise.all(databases.map((db) => db.drop().catch(() => undefined)));
      throw error;
    }
    return new DistributedStack(apps, databases, dataDir, adminToken, namespace);
  }

  get graphqlUrl(): string {
    return `${this.apps.gateway.baseUrl}/graphql`;
  }

  logs(): string {
    return APPS.map((app) => `--- ${app} ---\n${this.apps[app].logs().slice(-3000)}`).join('\n');
  }

  async stop(): Promise<void> {
    await Promise.all(APPS.map((app) => this.apps[app].kill('SIGTERM')));
    await Promise.all(this.databases.map((db) => db.drop().catch(() => undefined)));
    await rm(this.dataDir, { recursive: true, force: true });
  }
}
