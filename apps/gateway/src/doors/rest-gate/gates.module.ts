import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import type { Logger } from 'pino';
import { GATEWAY_LOGGER } from '../../core/gateway-logger';
import { Authenticator } from '../../core/auth/authenticator';
import { CommandSender } from '../../core/commands/command-sender';
import { GateEvaluator } from '../../core/read-model/queries/gate-evaluator';
import { DEFAULT_AUDIT_TIMEOUT_MS, GateAudit, type AuditPublisher } from '../../core/gates/audit/gate-audit';
import { CheckGate, type GateDecider } from '../../core/gates/check-gate';
import { GATES_AUTHENTICATOR, GatesController } from './gates.controller';
import { REST_ERROR_LOGGER, RestErrorFilter } from '../http/rest-error.filter';
import { ProjectionLagMonitor } from '../../core/gates/staleness/projection-lag-monitor';

/** What the REST gate needs; `GatesModule` itself takes it from the gateway's (global) core module. */
export interface GatesModuleDeps {
  readonly authenticator: Pick<Authenticator, 'authenticate'>;
  /**
   * The gateway's GateEvaluator. It must be built with this instance's staleness to fail closed:
   * `new GateEvaluator(queries, clock, async () => lagMonitor.staleness())` (see ProjectionLagMonitor).
   */
  readonly evaluator: GateDecider;
  /** The gateway's CommandSender (the audit uses `publishOnly`). */
  readonly commands: AuditPublisher;
  readonly logger: Logger;
  /** How long a PIPELINE check waits for its audit record to reach the bus (default: GATE_MAX_LAG_MS). */
  readonly auditTimeoutMs?: number;
}

const checkGateOf = (deps: GatesModuleDeps, logger: Logger): CheckGate =>
  new CheckGate(
    deps.evaluator,
    new GateAudit(deps.commands, logger, deps.auditTimeoutMs ?? DEFAULT_AUDIT_TIMEOUT_MS),
  );

const providersOf = (deps: GatesModuleDeps): Provider[] => {
  const logger = deps.logger.child({ component: 'gates' });
  return [
    { provide: GATES_AUTHENTICATOR, useValue: deps.authenticator },
    { provide: REST_ERROR_LOGGER, useValue: logger },
    { provide: CheckGate, useValue: checkGateOf(deps, logger) },
    RestErrorFilter,
  ];
};

/** The deps, from the gateway core module's providers (it is global). */
const GATES_DEPS = Symbol('GATES_DEPS');

/**
 * The REST release gate, `GET /v1/gates/:launch?environment=`. As a feature module of the gateway
 * (`FEATURE_MODULES = [GatesModule, …]`) it takes the Authenticator, GateEvaluator, CommandSender and
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
        commands: CommandSender,
        logger: Logger,
        lag: ProjectionLagMonitor,
      ): GatesModuleDeps => ({
        authenticator,
        evaluator,
        commands,
        logger,
        auditTimeoutMs: lag.maxLagMs,
      }),
      inject: [Authenticator, GateEvaluator, CommandSender, GATEWAY_LOGGER, ProjectionLagMonitor],
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
      useFactory: (deps: GatesModuleDeps, logger: Logger) => checkGateOf(deps, logger),
      inject: [GATES_DEPS, REST_ERROR_LOGGER],
    },
    RestErrorFilter,
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
