import { setTimeout as sleep } from 'node:timers/promises';
import type { Fault, FaultContext, FaultEnvironment } from './faults';

/** When a phase's fault went in and came out, and what the fault's own verification found. */
export interface PhaseRecord {
  readonly name: string;
  readonly startedAt: number;
  injectedAt?: number;
  recoveredAt?: number;
  endedAt: number;
  readonly problems: string[];
}

export interface ScheduleOptions {
  /** Operations each phase lets the workload start (half before the recovery, half after). */
  readonly operationsPerPhase: number;
  /** A phase moves on after this long even if the workload is slower than planned. */
  readonly maxPhaseMs: number;
  /** The cool-down lasts until this many operations of the whole run are acknowledged (or 3 × maxPhaseMs). */
  readonly minimumAcknowledged: number;
}

export const WARM_UP = 'warm-up';
export const COOL_DOWN = 'cool-down';

/**
 * Runs the faults one after another while the workload keeps going: a warm-up without faults (the
 * baseline), then per fault inject → half the phase → recover → the other half, then a cool-down.
 * The workload is stopped at the end; faults are always recovered, even when a step fails.
 */
export async function runFaultSchedule(
  environment: FaultEnvironment,
  faults: readonly Fault[],
  options: ScheduleOptions,
): Promise<PhaseRecord[]> {
  const phases: PhaseRecord[] = [];
  const pending: Promise<unknown>[] = [];
  const context: FaultContext = { ...environment, background: (task) => void pending.push(task) };
  const phase = (name: string): PhaseRecord => {
    context.ledger.enterPhase(name);
    const record: PhaseRecord = { name, startedAt: Date.now(), endedAt: 0, problems: [] };
    phases.push(record);
    context.log(`== phase: ${name}`);
    return record;
  };
  try {
    const warmUp = phase(WARM_UP);
    await waitForOperations(context, warmUp, options.operationsPerPhase, options.maxPhaseMs);
    warmUp.endedAt = Date.now();
    for (const fault of faults) {
      const record = phase(fault.name);
      record.injectedAt = Date.now();
      try {
        await fault.inject(context);
        if (fault.holdMs !== undefined) await sleep(fault.holdMs);
        else await waitForOperations(context, record, options.operationsPerPhase / 2, options.maxPhaseMs / 2);
      } catch (error) {
        record.problems.push(`inject failed: ${(error as Error).message}`);
      } finally {
        await fault.recover(context).catch((error: Error) => {
          record.problems.push(`recover failed: ${error.message}`);
        });
        record.recoveredAt = Date.now();
      }
      await waitForOperations(context, record, options.operationsPerPhase, options.maxPhaseMs);
      record.endedAt = Date.now();
    }
    await Promise.all(
      pending.map((task) =>
        task.catch((error: Error) => phases.at(-1)?.problems.push(`background: ${error.message}`)),
      ),
    );
    const coolDown = phase(COOL_DOWN);
    await waitForOperations(context, coolDown, options.operationsPerPhase, options.maxPhaseMs);
    const deadline = Date.now() + 3 * options.maxPhaseMs;
    while (context.ledger.acknowledged().length < options.minimumAcknowledged && Date.now() < deadline)
      await sleep(250);
    coolDown.endedAt = Date.now();
  } finally {
    context.workload.stop();
  }
  return phases;
}

/** Verifications that need a quiet system (dead letters counted after the backlog drained). */
export async function verifyFaults(
  context: FaultEnvironment,
  faults: readonly Fault[],
  phases: PhaseRecord[],
): Promise<void> {
  for (const fault of faults) {
    const record = phases.find((p) => p.name === fault.name);
    if (fault.verify && record) record.problems.push(...(await fault.verify(context)));
  }
}

async function waitForOperations(
  { ledger, workload }: FaultEnvironment,
  record: PhaseRecord,
  count: number,
  maxMs: number,
): Promise<void> {
  const deadline = Date.now() + maxMs;
  const started = () => ledger.operations.filter((o) => o.phase === record.name).length;
  while (started() < count && Date.now() < deadline && !workload.done) await sleep(100);
}

// A fault's duration is the one place a fixed wait is the point.
