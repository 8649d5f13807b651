import { Inject, Injectable, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { GATEWAY_LOGGER } from '../core/gateway-logger';
import { CommandSender } from '../core/commands/command-sender';
import { REST_ERROR_LOGGER, RestErrorFilter } from '../doors/http/rest-error.filter';
import { GatewayMetrics } from '../core/observability/gateway-metrics';
import { AuditTrail } from '../core/read-model/audit/audit-trail';
import { ReadModelQueries } from '../core/read-model/queries/read-model-queries';
import type { ReadModelDb } from '../core/read-model/store/database';
import type { IncidentIngestConfig } from '../core/incidents/config/incident-ingest-config';
import { IncidentIngestService } from '../doors/incident-webhooks/incident-ingest.service';
import { IncidentWebhooksController } from '../doors/incident-webhooks/incident-webhooks.controller';
import { IncidentAlertMetrics } from '../core/incidents/ingest/incident-alert-metrics';
import { IngestAlerts } from '../core/incidents/ingest/ingest-alerts';
import { IncidentSourcesResolver } from '../doors/graphql/incident-sources/incident-sources.resolver';
import { ManageIncidentSources } from '../core/incidents/mappings/manage-incident-sources';
import { IncidentSourceMappings } from '../core/incidents/store/incident-source-mappings';

export interface IncidentWebhooksModuleOptions {
  /** The gateway's database handle: the mappings live next to the read model. */
  readonly db: ReadModelDb;
  readonly config: IncidentIngestConfig;
}

/** Creates the mappings table with the application (instances starting together take turns). */
@Injectable()
class IncidentIngestLifecycle implements OnModuleInit {
  constructor(@Inject(IncidentSourceMappings) private readonly mappings: IncidentSourceMappings) {}

  async onModuleInit(): Promise<void> {
    await this.mappings.ensureSchema();
  }
}

/**
 * Incidents from on-call tools (docs/on-call.md): the REST endpoints PagerDuty, Alertmanager and
 * generic senders post to, and the GraphQL mappings of their services to launches. A feature module
 * of the gateway; it injects what GatewayCoreModule exports. The Nest app must be created with
 * `{ rawBody: true }`: signatures are checked on the raw bytes.
 */
@Module({})
export class IncidentWebhooksModule {
  static register(options: IncidentWebhooksModuleOptions): DynamicModule {
    const mappings = new IncidentSourceMappings(options.db);
    return {
      module: IncidentWebhooksModule,
      controllers: [IncidentWebhooksController],
      providers: [
        { provide: IncidentSourceMappings, useValue: mappings },
        {
          provide: ManageIncidentSources,
          useFactory: (queries: ReadModelQueries) => new ManageIncidentSources(mappings, queries),
          inject: [ReadModelQueries],
        },
        {
          provide: IncidentIngestService,
          useFactory: (
            queries: ReadModelQueries,
            sender: CommandSender,
            logger: Logger,
            audit?: AuditTrail,
            metrics?: GatewayMetrics,
          ) => {
            const counter = new IncidentAlertMetrics(metrics?.registry ?? null);
            const alerts = new IngestAlerts({
              mappings,
              launches: queries,
              sender,
              audit: audit ?? null,
              metrics: counter,
              logger: logger.child({ component: 'incident-ingest' }),
            });
            return new IncidentIngestService(options.config, alerts, counter);
          },
          inject: [
            ReadModelQueries,
            CommandSender,
            GATEWAY_LOGGER,
            { token: AuditTrail, optional: true },
            { token: GatewayMetrics, optional: true },
          ],
        },
        {
          provide: REST_ERROR_LOGGER,
          useFactory: (logger: Logger) => logger.child({ component: 'incident-ingest' }),
          inject: [GATEWAY_LOGGER],
        },
        IncidentIngestLifecycle,
        IncidentSourcesResolver,
        RestErrorFilter,
      ],
    };
  }
}
