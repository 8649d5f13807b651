import type { DynamicModule, Type } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InProcessBus } from '@tminus/messaging';
import pino from 'pino';
import { event, FakeServices, HAPPY_PATH } from './fake-services';
import { postGraphql, type GraphqlResponse } from './test-gateway';
import { projectorGroupId, startGateway, type RunningGateway } from '../../src';
import { loadGithubConfig } from '../../src/doors/github/config/github-config';
import { GithubModule } from '../../src/doors/github/github.module';
import { PROJECTED_TOPICS } from '../../src/core/read-model/projector/projector';
import { GateEvaluator } from '../../src/core/read-model/queries/gate-evaluator';
import { ReadModelQueries } from '../../src/core/read-model/queries/read-model-queries';
import { openReadModelDatabase } from '../../src/core/read-model/store/database';
import { projectorReadModelChanges } from '../../src/core/feed/launch-changes';
import { CachedSnapshots } from '../../src/core/gates/snapshots/cached-snapshots';
import { GateAuditLog } from '../../src/core/gates/audit/gate-audit-log';
import { GatesModule } from '../../src/doors/rest-gate/gates.module';
import { ProjectionLagMonitor } from '../../src/core/gates/staleness/projection-lag-monitor';
import { HoldableBus } from './holdable-bus';

export const ADMIN_TOKEN = 'tm_admin_token_for_the_gate_tests_0123456789';
export const WEBHOOK_SECRET = 'webhook-secret-for-the-gate-tests';
const INSTANCE = 'gates-test';

/** The launches service's answers to the gate commands (the fake services lack them). */
const GATE_COMMANDS = {
  RecordGateEvaluation: (_c: unknown, p: Record<string, unknown>) => ({
    events: [event(String(p.launchId), 'GateEvaluated', p)],
  }),
  SetGatePolicy: (_c: unknown, p: Record<string, unknown>) => ({
    events: [event(String(p.launchId), 'GatePolicySet', p)],
  }),
};

export interface SeededLaunch {
  readonly launchId: string;
  readonly launchKey: string;
  readonly teamId: string;
  readonly checklistId: string;
  readonly itemIds: readonly string[];
}

export interface GateStack {
  readonly gateway: RunningGateway;
  readonly url: string;
  readonly bus: HoldableBus;
  readonly services: FakeServices;
  readonly lag: ProjectionLagMonitor;
  graphql<Data = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<Data>;
  createToken(role: 'PIPELINE' | 'LAUNCH_MANAGER' | 'TEAM_MEMBER', userId?: string): Promise<string>;
  /** A GO launch requiring one team whose checklist has `items` open required items. */
  seedLaunch(items?: number): Promise<SeededLaunch>;
  tick(itemId: string): Promise<void>;
  signOff(checklistId: string): Promise<void>;
  close(): Promise<void>;
}

export interface GateStackOptions {
  readonly maxLagMs?: number;
  /** COMMAND_TIMEOUT_MS (default 5 s). */
  readonly commandTimeoutMs?: number;
  /** GitHub's stand-in base URL; the GitHub integration is configured with a token for it. */
  readonly githubApiUrl?: string;
  /** More Nest modules on the same HTTP server (the bench's bare endpoint). */
  readonly extraModules?: readonly (Type | DynamicModule)[];
}

/**
 * A running gateway (startGateway, SQLite, the in-process bus) with fake services answering its
 * commands, the REST gate and the GitHub integration mounted as feature modules, and the read model's
 * staleness wired into the GateEvaluator the way the gateway is meant to wire it.
 */
export async function startGateStack(options: GateStackOptions = {}): Promise<GateStack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tminus-gates-'));
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const bus = new HoldableBus(
    new InProcessBus({ filename: join(dataDir, 'bus.sqlite') }),
    projectorGroupId(INSTANCE),
  );
  const services = await new FakeServices(bus, { ...HAPPY_PATH, ...GATE_COMMANDS }).consume(
    bus,
    'fake-services',
  );
  const db = await openReadModelDatabase({ type: 'sqlite', path: join(dataDir, 'gateway.sqlite') });
  // Filled once the gateway runs: the monitor and the gate's deps reach its services through it.
  const started: { gateway?: RunningGateway } = {};
  const lag = new ProjectionLagMonitor({
    bus,
    groupId: projectorGroupId(INSTANCE),
    topics: PROJECTED_TOPICS,
    isProjectorRunning: () => started.gateway?.services.projector.running ?? false,
    maxLagMs: options.maxLagMs ?? 300,
    sampleIntervalMs: 50,
    logger,
  });
  // As the gateway's own: snapshots from memory, dropped by its projector's change feed (made once it runs).
  let snapshots: CachedSnapshots | null = null;
  const cachedSnapshots = (): CachedSnapshots =>
    (snapshots ??= new CachedSnapshots(
      new ReadModelQueries(db),
      projectorReadModelChanges(core().projector),
    ));
  const evaluator = new GateEvaluator(
    { launchSnapshot: (ref) => cachedSnapshots().launchSnapshot(ref) },
    () => new Date(),
    async () => lag.staleness(),
  );
  const core = () => {
    if (!started.gateway) throw new Error('the gateway is not started yet');
    return started.gateway.services;
  };
  const running = await startGateway({
    database: db,
    bus,
    logger,
    port: 0,
    host: '127.0.0.1',
    dataDir,
    adminToken: ADMIN_TOKEN,
    instanceId: INSTANCE,
    commandTimeoutMs: options.commandTimeoutMs ?? 5_000,
    features: [
      GatesModule.register({
        authenticator: { authenticate: (header) => core().authenticator.authenticate(header) },
        evaluator,
        audit: new GateAuditLog(db, logger, options.maxLagMs ?? 300),
        logger,
      }),
      GithubModule.register({
        db,
        evaluator,
        config: loadGithubConfig({
          GITHUB_WEBHOOK_SECRET: WEBHOOK_SECRET,
          GITHUB_TOKEN: 'ghp_gate_stack',
          GITHUB_API_URL: options.githubApiUrl ?? 'https://api.github.com',
        }),
      }),
      ...(options.extraModules ?? []),
    ],
  });
  started.gateway = running;
  await lag.start();

  async function graphql<Data>(
    query: string,
    variables: Record<string, unknown> = {},
    token = ADMIN_TOKEN,
  ): Promise<Data> {
    const response: GraphqlResponse<Data> = await postGraphql<Data>(running.url, query, variables, token);
    if (response.errors?.length || !response.data) {
      throw new Error(`GraphQL failed: ${JSON.stringify(response.errors ?? response)}`);
    }
    return response.data;
  }

  const stack: GateStack = {
    gateway: running,
    url: running.url,
    bus,
    services,
    lag,
    graphql,
    async createToken(role, userId = `${role.toLowerCase()}-${Math.random().toString(16).slice(2, 8)}`) {
      const data = await graphql<{ createApiToken: { token: string } }>(
        'mutation T($input: CreateApiTokenInput!) { createApiToken(input: $input) { token } }',
        { input: { name: `${role} ${userId}`, role, userId } },
      );
      return data.createApiToken.token;
    },
    async seedLaunch(items = 2) {
      const suffix = Math.random().toString(16).slice(2, 10);
      const team = await graphql<{ createTeam: { id: string } }>(
        'mutation T($input: CreateTeamInput!) { createTeam(input: $input) { id } }',
        { input: { key: `qa-${suffix}`, name: 'QA', function: 'QA' } },
      );
      const launchKey = `launch-${suffix}`;
      const launch = await graphql<{ createLaunch: { id: string } }>(
        'mutation L($input: CreateLaunchInput!) { createLaunch(input: $input) { id } }',
        { input: { key: launchKey, name: `Launch ${suffix}`, targetDate: '2030-06-01T09:00:00.000Z' } },
      );
      const launchId = launch.createLaunch.id;
      const required = await graphql<{ requireTeam: { teams: { checklist: { id: string } | null }[] } }>(
        'mutation R($input: LaunchTeamInput!) { requireTeam(input: $input) { teams { checklist { id } } } }',
        { input: { launchId, teamId: team.createTeam.id } },
      );
      const checklistId = required.requireTeam.teams[0]?.checklist?.id;
      if (!checklistId) throw new Error('the checklist was not opened');
      const itemIds: string[] = [];
      for (let i = 0; i < items; i++) {
        const added = await graphql<{ addChecklistItem: { id: string } }>(
          'mutation A($input: AddChecklistItemInput!) { addChecklistItem(input: $input) { id } }',
          { input: { checklistId, title: `Item ${i + 1}`, required: true } },
        );
        itemIds.push(added.addChecklistItem.id);
      }
      await graphql('mutation G($input: RecordGoNoGoInput!) { recordGoNoGo(input: $input) { id } }', {
        input: { launchId, decision: 'GO' },
      });
      return { launchId, launchKey, teamId: team.createTeam.id, checklistId, itemIds };
    },
    async tick(itemId) {
      await graphql('mutation T($input: TickItemInput!) { tickItem(input: $input) { id } }', {
        input: { itemId },
      });
    },
    async signOff(checklistId) {
      await graphql('mutation S($input: SignOffChecklistInput!) { signOffChecklist(input: $input) { id } }', {
        input: { checklistId },
      });
    },
    async close() {
      bus.resume();
      bus.resumePublishes();
      await lag.stop();
      await services.close();
      await running.close();
      await db.close();
      await bus.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return stack;
}
