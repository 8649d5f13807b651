import {
  Inject,
  Injectable,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import type { Logger } from 'pino';
import { GATEWAY_LOGGER } from '../../core/gateway-logger';
import { CommandSender } from '../../core/commands/command-sender';
import { GateAudit, type AuditPublisher } from '../../core/gates/audit/gate-audit';
import type { GateDecider } from '../../core/gates/check-gate';
import { REST_ERROR_LOGGER, RestErrorFilter } from '../http/rest-error.filter';
import { GateEvaluator } from '../../core/read-model/queries/gate-evaluator';
import type { ReadModelDb } from '../../core/read-model/store/database';
import { githubAuthOf, type GithubAuth } from './client/github-auth';
import { GithubClient } from './client/github-client';
import { GithubApiError, type Fetch } from './client/github-http';
import type { GithubConfig } from './config/github-config';
import { LAUNCH_CHANGES, type LaunchChanges } from '../../core/feed/launch-changes';
import { DeploymentReviewer, type RetryPolicy } from './pending/deployment-reviewer';
import { EnvironmentMappings } from '../../core/github/environment-mappings';
import { ensureGithubSchema } from '../../core/github/github-schema';
import { PendingDeployments } from './store/pending-deployments';
import { GITHUB_WEBHOOK_SECRET, GithubWebhookController } from './webhook/github-webhook.controller';

/**
 * What the GitHub integration needs. `db` and `config` are always given; the rest defaults to the
 * gateway core module's providers (GateEvaluator, CommandSender, LAUNCH_CHANGES, logger).
 */
export interface GithubModuleOptions {
  /** The gateway's database handle: mappings and pending requests live next to the read model. */
  readonly db: ReadModelDb;
  readonly config: GithubConfig;
  /** The same stale-aware GateEvaluator the REST gate uses. */
  readonly evaluator?: GateDecider;
  /** The gateway's CommandSender (verdicts are audited on the launch). */
  readonly commands?: AuditPublisher;
  /** Default: the core's per-launch change feed (`projectorLaunchChanges(projector)`). */
  readonly launchChanges?: LaunchChanges;
  readonly logger?: Logger;
  /** Tests: GitHub's stand-in, retry pace, clock. */
  readonly fetch?: Fetch;
  readonly retry?: RetryPolicy;
  readonly clock?: () => Date;
}

interface GithubParts {
  readonly db: ReadModelDb;
  readonly reviewer: DeploymentReviewer;
  /** False without GITHUB_WEBHOOK_SECRET: no request can arrive, so nothing listens or sweeps. */
  readonly enabled: boolean;
  readonly launchChanges: LaunchChanges;
  readonly logger: Logger;
}

const GITHUB_PARTS = Symbol('GITHUB_PARTS');

const noCredentials: GithubAuth = {
  tokenFor: async () => {
    throw new GithubApiError(
      'no GitHub credentials: set GITHUB_TOKEN, or GITHUB_APP_ID and its private key',
      null,
      false,
    );
  },
};

const required = <Value>(value: Value | undefined | null, what: string): Value => {
  if (value === undefined || value === null) {
    throw new Error(
      `GithubModule needs ${what}: pass it to GithubModule.register or import GatewayCoreModule`,
    );
  }
  return value;
};

function buildParts(
  options: GithubModuleOptions,
  core: {
    evaluator?: GateDecider;
    commands?: AuditPublisher;
    launchChanges?: LaunchChanges;
    logger?: Logger;
  },
): GithubParts {
  const logger = required(options.logger ?? core.logger, 'a logger').child({ component: 'github' });
  const evaluator = required(options.evaluator ?? core.evaluator, 'the GateEvaluator');
  const commands = required(options.commands ?? core.commands, 'the CommandSender');
  const launchChanges = required(options.launchChanges ?? core.launchChanges, 'launch changes');
  const { config } = options;
  const mappings = new EnvironmentMappings(options.db);
  const client = new GithubClient(
    config.apiUrl,
    githubAuthOf(config.credentials, config.apiUrl, options.fetch) ?? noCredentials,
    options.fetch,
  );
  const reviewer = new DeploymentReviewer({
    pending: new PendingDeployments(options.db),
    mappings,
    gate: evaluator,
    github: client,
    audit: new GateAudit(commands, logger),
    logger,
    pendingTtlDays: config.pendingTtlDays,
    recheckIntervalMs: config.recheckIntervalMs,
    retry: options.retry,
    clock: options.clock,
  });
  return {
    db: options.db,
    reviewer,
    enabled: config.webhookSecret !== null,
    launchChanges,
    logger,
  };
}

/** Starts and stops the reviewer with the application (schema first, then what was pending before). */
@Injectable()
class GithubLifecycle implements OnModuleInit, OnApplicationShutdown {
  private unsubscribe: (() => void) | null = null;

  constructor(@Inject(GITHUB_PARTS) private readonly parts: GithubParts) {}

  async onModuleInit(): Promise<void> {
    await ensureGithubSchema(this.parts.db);
    if (!this.parts.enabled) return;
    this.unsubscribe = this.parts.launchChanges(this.parts.reviewer.launchChanged);
    await this.parts.reviewer.start();
  }

  async onApplicationShutdown(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = null;
    await this.parts.reviewer.stop();
  }
}

/**
 * GitHub's custom deployment protection rule (`POST /v1/github/webhook`); the mappings of repository
 * environments to launches are the core's (GraphQL serves them). A feature module of the gateway:
 * `GithubModule.register({ db: services.db, config: loadGithubConfig(process.env) })`. The Nest app must
 * be created with `{ rawBody: true }`: signatures are checked on the raw bytes.
 */
@Module({})
export class GithubModule {
  static register(options: GithubModuleOptions): DynamicModule {
    return {
      module: GithubModule,
      controllers: [GithubWebhookController],
      providers: [
        {
          provide: GITHUB_PARTS,
          useFactory: (
            evaluator?: GateEvaluator,
            commands?: CommandSender,
            launchChanges?: LaunchChanges,
            logger?: Logger,
          ) => buildParts(options, { evaluator, commands, launchChanges, logger }),
          inject: [
            { token: GateEvaluator, optional: true },
            { token: CommandSender, optional: true },
            { token: LAUNCH_CHANGES, optional: true },
            { token: GATEWAY_LOGGER, optional: true },
          ],
        },
        { provide: GITHUB_WEBHOOK_SECRET, useValue: options.config.webhookSecret },
        {
          provide: REST_ERROR_LOGGER,
          useFactory: (parts: GithubParts) => parts.logger,
          inject: [GITHUB_PARTS],
        },
        {
          provide: DeploymentReviewer,
          useFactory: (parts: GithubParts) => parts.reviewer,
          inject: [GITHUB_PARTS],
        },
        GithubLifecycle,
        RestErrorFilter,
      ],
    };
  }
}
