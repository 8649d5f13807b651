import { Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { GATEWAY_LOGGER } from '../../core/gateway-logger';
import { Authenticator } from '../../core/auth/authenticator';
import { REST_ERROR_LOGGER, RestErrorFilter } from '../http/rest-error.filter';
import { Clock } from '../../core/clock';
import { ReadModelQueries } from '../../core/read-model/queries/read-model-queries';
import {
  REPORTS_AUTHENTICATOR,
  REPORTS_SOURCE,
  ReportsController,
  type ReportsSource,
} from './reports.controller';

/** Readiness reports (`GET /v1/launches/:launch/report`), from the gateway core module's read model. */
@Module({
  controllers: [ReportsController],
  providers: [
    { provide: REPORTS_AUTHENTICATOR, useExisting: Authenticator },
    {
      provide: REPORTS_SOURCE,
      useFactory: (queries: ReadModelQueries, clock: Clock): ReportsSource => ({
        snapshot: (launch) => queries.launchSnapshotWithGateAudits(launch),
        now: () => clock.now(),
      }),
      inject: [ReadModelQueries, Clock],
    },
    {
      provide: REST_ERROR_LOGGER,
      useFactory: (logger: Logger) => logger.child({ component: 'reports' }),
      inject: [GATEWAY_LOGGER],
    },
    RestErrorFilter,
  ],
})
export class ReportsModule {}
