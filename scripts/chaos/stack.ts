import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allTopicSpecs } from '@tminus/contracts';
import { deleteTopics, ensureTopics, namespacedTopicName } from '@tminus/messaging';
import { createTestDatabase, type TestDatabase } from '@tminus/testing';
import { freePort } from '../../apps/embedded/src/client/embedded-process';
import { AppProcess } from '../../test/e2e/support/app-process';

export const SERVICES = ['teams', 'launches', 'checklists'] as const;
export type ServiceApp = (typeof SERVICES)[number];
export type AppName = ServiceApp | 'gateway';

/** A crash the stack did not cause: noticed by the supervisor, which starts the replica again. */
export interface UnplannedExit {
  readonly replica: string;
  readonly at: number;
  readonly status: string;
  readonly lastLogs: string;
}

/** One process of the stack, restartable with the same settings (same port, same database). */
export class Replica {
  private process: AppProcess | undefined;
  /** True while a fault holds it down on purpose: the supervisor leaves it alone. */
  private heldDown = false;

  constructor(
    readonly name: string,
    readonly app: AppName,
    private readonly env: Record<string, string>,
  ) {}

  get baseUrl(): string {
    return `http://127.0.0.1:${this.env.PORT}`;
  }

  get graphqlUrl(): string {
    return `${this.baseUrl}/graphql`;
  }

  get isRunning(): boolean {
    return this.process !== undefined && this.process.exitStatus === undefined;
  }

  /** Set when it died without being asked to (a crash), until it is started again. */
  get crashStatus(): string | undefined {
    const status = this.process?.exitStatus;
    if (this.heldDown || !status) return undefined;
    return status.signal ?? `exit code ${status.code}`;
  }

  logs(): string {
    return this.process?.logs() ?? '';
  }

  async start(): Promise<void> {
    this.process = await AppProcess.start(this.app, this.env);
    this.heldDown = false;
  }

  /** kill -9: no shutdown hook runs, in-flight work is cut wherever it is. */
  async kill9(): Promise<void> {
    this.heldDown = true;
    await this.process?.kill('SIGKILL');
  }

  async stop(): Promise<void> {
    this.heldDown = true;
    await this.process?.kill('SIGTERM');
  }
}

export interface ChaosStackOptions {
  readonly brokers: readonly string[];
  /** Replicas of each service (launches, teams, checklists). */
  readonly serviceReplicas: number;
  readonly gateways: number;
  readonly log: (line: string) => void;
}

/**
 * The distributed mode with replicas: N processes of each service sharing that service's database and
 * consumer group, and M gateways (each its own instance id, all on one read-model database), on a
 * fresh topic namespace of the shared broker and fresh PostgreSQL databases.
 */
export class ChaosStack {
  readonly replicas: Replica[] = [];
  readonly unplannedExits: UnplannedExit[] = [];
  private supervisor: NodeJS.Timeout | undefined;
  private restarting = new Set<Replica>();
  private extraCount = 0;

  private constructor(
    readonly namespace: string,
    readonly adminToken: string,
    private readonly options: ChaosStackOptions,
    readonly databases: Record<AppName, TestDatabase>,
    private readonly dataDir: string,
  ) {}

  static async start(options: ChaosStackOptions): Promise<ChaosStack> {
    const namespace = `chaos-${randomBytes(4).toString('hex')}`;
    await ensureTopics(options.brokers, namespacedTopics(namespace));
    const entries = await Promise.all(
      [...SERVICES, 'gateway' as const].map(
        async (app) => [app, await createTestDatabase(`chaos_${app}`)] as const,
      ),
    );
    const databases = Object.fromEntries(entries) as Record<AppName, TestDatabase>;
    const dataDir = await mkdtemp(join(tmpdir(), 'tminus-chaos-'));
    const adminToken = `tm_chaos_${randomBytes(24).toString('base64url')}`;
    const stack = new ChaosStack(namespace, adminToken, options, databases, dataDir);
    try {
      await stack.startAll();
    } catch (error) {
      await stack.stop();
      throw error;
    }
    return stack;
  }

  get services(): Replica[] {
    return this.replicas.filter((r) => r.app !== 'gateway');
  }

  get gateways(): Replica[] {
    return this.replicas.filter((r) => r.app === 'gateway');
  }

  replicasOf(app: AppName): Replica[] {
    return this.replicas.filter((r) => r.app === app);
  }

  /** Restarts every replica that died on its own (checked twice a second) and records the crash. */
  superviseCrashes(): void {
    this.supervisor = setInterval(() => {
      for (const replica of this.replicas) {
        const status = replica.crashStatus;
        if (status === undefined || this.restarting.has(replica)) continue;
        this.unplannedExits.push({
          replica: replica.name,
          at: Date.now(),
          status,
          lastLogs: replica.logs().slice(-4_000),
        });
        this.options.log(`!! ${replica.name} exited by itself (${status}); starting it again`);
        this.restarting.add(replica);
        void replica
          .start()
          .catch((error: Error) => this.options.log(`!! ${replica.name} restart failed: ${error.message}`))
          .finally(() => this.restarting.delete(replica));
      }
    }, 500);
  }

  /** One more replica of a service joining its consumer group (a rebalance); stop it to leave. */
  async addServiceReplica(app: ServiceApp): Promise<Replica> {
    this.extraCount += 1;
    const replica = await this.newReplica(app, `${app}-extra${this.extraCount}`);
    this.replicas.push(replica);
    await replica.start();
    return replica;
  }

  async removeReplica(replica: Replica): Promise<void> {
    await replica.stop();
    this.replicas.splice(this.replicas.indexOf(replica), 1);
  }

  logs(): string {
    return this.replicas.map((r) => `--- ${r.name} ---\n${r.logs().slice(-3_000)}`).join('\n');
  }

  async stop(): Promise<void> {
    if (this.supervisor) clearInterval(this.supervisor);
    await Promise.all(this.replicas.map((replica) => replica.stop()));
    await Promise.all(Object.values(this.databases).map((db) => db.drop().catch(() => undefined)));
    await deleteTopics(
      this.options.brokers,
      namespacedTopics(this.namespace).map((t) => t.name),
    ).catch(() => undefined);
    await rm(this.dataDir, { recursive: true, force: true });
  }

  private async startAll(): Promise<void> {
    // In waves: the first replica of each service and the first gateway side by side (each migrates its
    // own database), then the others (their databases exist; one read model shared by the gateways).
    const waves = Math.max(this.options.serviceReplicas, this.options.gateways);
    for (let index = 1; index <= waves; index += 1) {
      const apps: AppName[] = [
        ...(index <= this.options.serviceReplicas ? SERVICES : []),
        ...(index <= this.options.gateways ? (['gateway'] as const) : []),
      ];
      const wave = await Promise.all(apps.map((app) => this.newReplica(app, `${app}-${index}`)));
      this.replicas.push(...wave);
      await Promise.all(wave.map((replica) => replica.start()));
    }
    this.options.log(`stack ${this.namespace} up: ${this.replicas.map((r) => r.name).join(', ')}`);
  }

  private async newReplica(app: AppName, name: string): Promise<Replica> {
    const env: Record<string, string> = {
      KAFKA_BROKERS: this.options.brokers.join(','),
      KAFKA_TOPIC_NAMESPACE: this.namespace,
      KAFKA_CLIENT_ID: `${this.namespace}-${name}`,
      DATABASE_URL: this.databases[app].url,
      PORT: String(await freePort()),
      LOG_LEVEL: 'warn',
    };
    if (app === 'gateway') {
      env.TMINUS_DATA_DIR = join(this.dataDir, name);
      env.TMINUS_ADMIN_TOKEN = this.adminToken;
      env.GATEWAY_INSTANCE_ID = `${this.namespace}-${name}`;
    }
    return new Replica(name, app, env);
  }
}

const namespacedTopics = (namespace: string) =>
  allTopicSpecs().map((spec) => ({ ...spec, name: namespacedTopicName(namespace, spec.name) }));
