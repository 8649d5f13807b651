import { Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { GATEWAY_LOGGER } from '../../core/gateway-logger';
import { Authenticator } from '../../core/auth/authenticator';
import { CommandSender } from '../../core/commands/command-sender';
import { REST_ERROR_LOGGER, RestErrorFilter } from '../http/rest-error.filter';
import { ReadModelQueries } from '../../core/read-model/queries/read-model-queries';
import { CHECKS_AUTHENTICATOR, ChecksController } from './checks.controller';
import { RecordChecks } from '../../core/checks/record-checks';

/**
 * CI results, `POST /v1/checks`. A feature module of the gateway: it takes the Authenticator,
 * ReadModelQueries, CommandSender and logger from the (global) GatewayCoreModule.
 */
@Module({
  controllers: [ChecksController],
  providers: [
    { provide: CHECKS_AUTHENTICATOR, useExisting: Authenticator },
    {
      provide: REST_ERROR_LOGGER,
      useFactory: (logger: Logger) => logger.child({ component: 'checks' }),
      inject: [GATEWAY_LOGGER],
    },
    {
      provide: RecordChecks,
      useFactory: (queries: ReadModelQueries, sender: CommandSender) =>
        new RecordChecks({ snapshot: (launch) => queries.launchSnapshot(launch), sender }),
      inject: [ReadModelQueries, CommandSender],
    },
    RestErrorFilter,
  ],
})
export class ChecksModule {}
