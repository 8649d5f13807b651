import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import type { Logger } from 'pino';
import { GATEWAY_LOGGER } from '../../core/gateway-logger';
import { Authenticator } from '../../core/auth/authenticator';
import { GateEvaluator } from '../../core/read-model/queries/gate-evaluator';
import { GateAuditLog } from '../../core/gates/audit/gate-audit-log';
import { CheckGate, type GateDecider } from '../../core/gates/check-gate';
import { GATES_AUTHENTICATOR, GatesController } from './gates.controller';
import { GateFastRoute } from './gate-fast-route';
import { REST_ERROR_LOGGER, RestErrorFilter } from '../http/rest-error.filter';
import { FastRoutes } from '../http/ahead-of-nest';

/** What the REST gate needs; `GatesModule` itself takes it from the gateway's (global) core module. */
export interface GatesModuleDeps {
  readonly authenticator: Pick<Authenticator, 'authenticate'>;
  /**
   * The gateway's GateEvaluator. It must be built with this instance's staleness to fail closed:
   * `new GateEvaluator(queries, clock, async () => lagMonitor.staleness())` (see ProjectionLagMonitor).
   */
  readonly evaluator: GateDecider;
  /**
   * Where PIPELINE checks are audited: the gateway's GateAuditLog (group-committed to its own event
   * log; it waits at most GATE_MAX_LAG_MS for a commit before the gate fails closed).
   */
  readonly audit: Pick<GateAuditLog, 'record'>;
  readonly logger: Logger;
}

const checkGateOf = (deps: GatesModuleDeps): CheckGate => new CheckGate(deps.evaluator, deps.audit);

/** The same gate ahead of Nest's router, added to the gateway's fast routes when mounted in one. */
const FAST_ROUTE: Provider = {
  provide: GateFastRoute,
  useFactory: (
    authenticator: GatesModuleDeps['authenticator'],
    checkGate: CheckGate,
    logger: Logger,
    routes: FastRoutes | undefined,
  ) => {
    const route = new GateFastRoute(authenticator, checkGate, logger);
    routes?.add(route);
    return route;
  },
  inject: [GATES_AUTHENTICATOR, CheckGate, REST_ERROR_LOGGER, { token: FastRoutes, optional: true }],
};

const providersOf = (deps: GatesModuleDeps): Provider[] => {
  const logger = deps.logger.child({ component: 'gates' });
  return [
    { provide: GATES_AUTHENTICATOR, useValue: deps.authenticator },
    { provide: REST_ERROR_LOGGER, useValue: logger },
    { provide: CheckGate, useValue: checkGateOf(deps) },
    RestErrorFilter,
    FAST_ROUTE,
  ];
};

/** The deps, from the gateway core module's providers (it is global). */
const GATES_DEPS = Symbol('GATES_DEPS');

/**
 * The REST release gate, `GET /v1/gates/:launch?environment=`. As a feature module of the gateway
 * (`FEATURE_MODULES = [GatesModule, …]`) it takes the Authenticator, GateEvaluator, GateAuditLog and
 * logger from GatewayCoreModule; `GatesModule.register(deps)` gives them explicitly (tests, tools).
 */
@Module({
  controllers: [GatesController],
  providers: [
    {
      provide: GATES_DEPS,
      useFactory: (
        authenticator: Authenticator,
        evaluator: GateEvaluator,
        audit: GateAuditLog,
        logger: Logger,
      ): GatesModuleDeps => ({ authenticator, evaluator, audit, logger }),
      inject: [Authenticator, GateEvaluator, GateAuditLog, GATEWAY_LOGGER],
    },
    {
      provide: GATES_AUTHENTICATOR,
      useFactory: (deps: GatesModuleDeps) => deps.authenticator,
      inject: [GATES_DEPS],
    },
    {
      provide: REST_ERROR_LOGGER,
      useFactory: (deps: GatesModuleDeps) => deps.logger.child({ component: 'gates' }),
      inject: [GATES_DEPS],
    },
    {
      provide: CheckGate,
      useFactory: (deps: GatesModuleDeps) => checkGateOf(deps),
      inject: [GATES_DEPS],
    },
    RestErrorFilter,
    FAST_ROUTE,
  ],
})
export class GatesModule {
  static register(deps: GatesModuleDeps): DynamicModule {
    return { module: GatesRegisteredModule, controllers: [GatesController], providers: providersOf(deps) };
  }
}

/** `GatesModule.register(deps)`'s module: the same controller, with the deps given (no core module needed). */
@Module({})
class GatesRegisteredModule {}
