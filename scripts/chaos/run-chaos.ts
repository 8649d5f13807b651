import { BrokerMessages } from './broker-messages';
import { checkReadModel, checkStores, type Finding } from './checker';
import type { Fault, FaultEnvironment } from './faults';
import { Ledger } from './ledger';
import { readModel } from './read-model';
import { failureSummary, phaseRows, type ChaosReport } from './report';
import { runFaultSchedule, verifyFaults } from './scheduler';
import { ChaosStack, type AppName } from './stack';
import { readStores, waitUntilQuiet } from './store-snapshot';
import { Workload } from './workload';

export interface ChaosOptions {
  readonly brokers: readonly string[];
  /**
   * Operations the run sends (spread over the warm-up, one phase per fault, the cool-down); the cool-down
   * goes on until this many are acknowledged.
   */
  readonly operations: number;
  readonly clients: number;
  readonly faults: readonly Fault[];
  readonly serviceReplicas?: number;
  readonly gateways?: number;
  /** A phase moves on after this long even when the workload is slower than planned. */
  readonly maxPhaseMs?: number;
  readonly log?: (line: string) => void;
}

const ITEMS_PER_CHECKLIST = 3;
const TOGGLES_PER_LAUNCH = 12;
/** The gateway answers COMMAND_TIMEOUT after 10 s; give the HTTP request a little more. */
const REQUEST_TIMEOUT_MS = 15_000;

/**
 * One chaos run: the stack with replicas, the workload, the faults in phases, then (once the system
 * is quiet) the checker against the event stores and the read model. Always tears the stack down.
 */
export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const log = options.log ?? ((line: string) => console.log(`[chaos] ${line}`));
  const started = Date.now();
  const stack = await ChaosStack.start({
    brokers: options.brokers,
    serviceReplicas: options.serviceReplicas ?? 2,
    gateways: options.gateways ?? 2,
    log,
  });
  const messages = new BrokerMessages(options.brokers, stack.namespace);
  try {
    stack.superviseCrashes();
    const ledger = new Ledger();
    const workload = new Workload(
      ledger,
      { urls: () => stack.gateways.map((g) => (g.isRunning ? g.graphqlUrl : undefined)) },
      {
        adminToken: stack.adminToken,
        clients: options.clients,
        operations: options.operations * 10,
        itemsPerChecklist: ITEMS_PER_CHECKLIST,
        togglesPerLaunch: TOGGLES_PER_LAUNCH,
        timeoutMs: REQUEST_TIMEOUT_MS,
      },
    );
    const context: FaultEnvironment = { stack, ledger, workload, messages, brokers: options.brokers, log };
    const operationsPerPhase = Math.ceil(options.operations / (options.faults.length + 2));
    const running = workload.run();
    const phases = await runFaultSchedule(context, options.faults, {
      operationsPerPhase,
      maxPhaseMs: options.maxPhaseMs ?? 180_000,
      minimumAcknowledged: options.operations,
    });
    await running;
    log(
      `workload done: ${ledger.operations.length} operations, ${ledger.acknowledged().length} acknowledged`,
    );

    const urls = Object.fromEntries(
      Object.entries(stack.databases).map(([app, db]) => [app, db.url]),
    ) as Record<AppName, string>;
    await waitUntilQuiet(urls);
    await verifyFaults(context, options.faults, phases);
    const snapshot = await readStores(urls);
    const findings: Finding[] = checkStores(ledger.operations, snapshot);
    findings.push(...(await settledReadModelFindings(stack, ledger, workload, snapshot)));
    const { rows, totals } = phaseRows(ledger.operations, phases, findings);
    const report: ChaosReport = {
      rows,
      totals,
      failures: failureSummary(ledger.operations),
      findings,
      storeDuplicates: snapshot.duplicates,
      unplannedExits: stack.unplannedExits,
      phases,
      setup:
        `Stack: ${stack.replicas.filter((r) => r.app !== 'gateway').length} service processes ` +
        `(${options.serviceReplicas ?? 2} × launches, teams, checklists) and ${stack.gateways.length} gateways ` +
        `on one Kafka broker and PostgreSQL; ${options.clients} concurrent clients, ${workload.worlds.length} launches, ` +
        `mutations alternating between the gateways.`,
      durationMs: Date.now() - started,
    };
    return report;
  } catch (error) {
    log(`run failed; last logs:\n${stack.logs()}`);
    throw error;
  } finally {
    await messages.close().catch(() => undefined);
    await stack.stop();
  }
}

/** The read model catches up asynchronously: re-read it until it agrees, or give its differences. */
async function settledReadModelFindings(
  stack: ChaosStack,
  ledger: Ledger,
  workload: Workload,
  snapshot: Awaited<ReturnType<typeof readStores>>,
): Promise<Finding[]> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const gateway = stack.gateways.find((g) => g.isRunning) ?? stack.gateways[0];
    const view = await readModel(gateway.graphqlUrl, stack.adminToken, workload.worlds);
    const findings = checkReadModel(ledger.operations, snapshot, view);
    if (findings.length === 0 || Date.now() > deadline) return findings;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}
