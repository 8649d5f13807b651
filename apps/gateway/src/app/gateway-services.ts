import type { MessageBus } from '@tminus/messaging';
import type { Logger } from 'pino';
import { Authenticator } from '../core/auth/authenticator';
import { TokenService } from '../core/auth/token-service';
import { TokenStore } from '../core/auth/token-store';
import { TokenValidity } from '../core/auth/token-validity';
import { CommandSender } from '../core/commands/command-sender';
import { PendingCommands } from '../core/commands/pending-commands';
import {
  projectorLaunchChanges,
  projectorReadModelChanges,
  type LaunchChanges,
} from '../core/feed/launch-changes';
import { CachedSnapshots } from '../core/gates/snapshots/cached-snapshots';
import { EnvironmentMappings } from '../core/github/environment-mappings';
import { ManageMappings } from '../core/github/manage-mappings';
import { Clock } from '../core/clock';
import { LaunchFeed } from '../doors/graphql/subscriptions/launch-feed';
import { GatewayHealth } from '../core/observability/gateway-health';
import { GatewayMetrics } from '../core/observability/gateway-metrics';
import { GateAuditLog } from '../core/gates/audit/gate-audit-log';
import { ProjectionLagMonitor } from '../core/gates/staleness/projection-lag-monitor';
import { PROJECTED_TOPICS, Projector } from '../core/read-model/projector/projector';
import { GateEvaluator } from '../core/read-model/queries/gate-evaluator';
import { AuditTrail } from '../core/read-model/audit/audit-trail';
import { ReadModelQueries } from '../core/read-model/queries/read-model-queries';
import type { ReadModelDb } from '../core/read-model/store/database';
import { watchProjection } from '../core/observability/projection-metrics';

/** Everything the gateway is made of, built outside Nest (Nest only adapts HTTP and GraphQL to it). */
export interface GatewayServices {
  readonly db: ReadModelDb;
  readonly queries: ReadModelQueries;
  readonly audit: AuditTrail;
  readonly gates: GateEvaluator;
  /** Where PIPELINE gate checks are audited (group-committed to the gateway's own event log). */
  readonly gateAudits: GateAuditLog;
  readonly pending: PendingCommands;
  readonly sender: CommandSender;
  readonly projector: Projector;
  readonly feed: LaunchFeed;
  /** "This launch changed", straight from the projector (the GitHub reviewer listens to it). */
  readonly launchChanges: LaunchChanges;
  /** GitHub environment → launch mappings (GraphQL serves them; the GitHub rule reads them). */
  readonly githubMappings: ManageMappings;
  readonly authenticator: Authenticator;
  readonly tokens: TokenService;
  readonly tokenStore: TokenStore;
  /** Re-checks the token of an open WebSocket on each operation; hears of revocations made here. */
  readonly validity: TokenValidity;
  readonly clock: Clock;
  readonly metrics: GatewayMetrics;
  readonly health: GatewayHealth;
  /** How far the read model lags the event log: gates fail closed beyond GATE_MAX_LAG_MS. */
  readonly lag: ProjectionLagMonitor;
  readonly logger: Logger;
}

export interface GatewayServicesInput {
  readonly db: ReadModelDb;
  readonly bus: MessageBus;
  readonly logger: Logger;
  readonly instanceId: string;
  readonly commandTimeoutMs: number;
  readonly adminToken?: string;
  /** How soon a revocation made on another instance reaches this one's open WebSockets (default 1 s). */
  readonly tokenRecheckMs?: number;
  readonly clock: () => Date;
  /** GATE_MAX_LAG_MS / GATE_LAG_SAMPLE_MS. */
  readonly gate?: { readonly maxLagMs: number; readonly lagSampleMs?: number };
}

/** The consumer group of an instance: each instance reads every event (see docs/adr/0005-gateway.md). */
export const projectorGroupId = (instanceId: string): string => `gateway-${instanceId}`;

export function buildGatewayServices(input: GatewayServicesInput): GatewayServices {
  const { db, bus, logger } = input;
  const clock = new Clock(input.clock);
  const pending = new PendingCommands();
  const queries = new ReadModelQueries(db);
  const feed = new LaunchFeed(queries, clock, logger.child({ component: 'subscriptions' }));
  const metrics = new GatewayMetrics(
    () => pending.size,
    () => feed.subscriberCount(),
  );
  const projector = new Projector({
    db,
    bus,
    groupId: projectorGroupId(input.instanceId),
    logger: logger.child({ component: 'projector' }),
    onProjected: (projected, durationMs) => {
      metrics.eventsProjected.inc({ type: projected.envelope.type, applied: String(projected.applied) });
      metrics.projectionSeconds.observe(durationMs / 1000);
    },
  });
  projector.onProjected(pending.observe);
  projector.onProjected(feed.observe);
  const sender = new CommandSender({
    bus,
    pending,
    timeoutMs: input.commandTimeoutMs,
    logger: logger.child({ component: 'commands' }),
    clock: () => clock.now(),
    onOutcome: (type, outcome, durationMs) => {
      metrics.commands.inc({ type, outcome });
      metrics.commandSeconds.observe({ type }, durationMs / 1000);
    },
  });
  const tokenStore = new TokenStore(db);
  const validity = new TokenValidity(tokenStore, () => clock.now(), input.tokenRecheckMs);
  const lag = new ProjectionLagMonitor({
    bus,
    groupId: projectorGroupId(input.instanceId),
    topics: PROJECTED_TOPICS,
    isProjectorRunning: () => projector.running,
    maxLagMs: input.gate?.maxLagMs ?? 10_000,
    sampleIntervalMs: input.gate?.lagSampleMs,
    logger: logger.child({ component: 'gate-lag' }),
  });
  watchProjection(metrics.registry, { bus, groupId: projectorGroupId(input.instanceId), lag });
  return {
    db,
    queries,
    gates: new GateEvaluator(
      // Gate checks read launches from memory, kept current by the projector's change feed.
      new CachedSnapshots(queries, projectorReadModelChanges(projector)),
      () => clock.now(),
      async () => lag.staleness(),
      (result) => metrics.gateDecisions.inc({ result }),
    ),
    gateAudits: new GateAuditLog(db, logger.child({ component: 'gates' }), lag.maxLagMs),
    pending,
    sender,
    projector,
    feed,
    launchChanges: projectorLaunchChanges(projector),
    githubMappings: new ManageMappings(new EnvironmentMappings(db), queries, () => clock.now()),
    authenticator: new Authenticator(tokenStore, input.adminToken, () => clock.now()),
    tokens: new TokenService(tokenStore, () => clock.now(), validity.revoked),
    tokenStore,
    validity,
    audit: new AuditTrail(db, () => clock.now()),
    clock,
    metrics,
    health: new GatewayHealth(projector, db, () => clock.now()),
    lag,
    logger,
  };
}
