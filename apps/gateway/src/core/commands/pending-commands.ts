import { COMMAND_ACCEPTED, COMMAND_REJECTED, type CommandRejectedData } from '@tminus/contracts';
import type { ProjectedEnvelope } from '../read-model/projector/project-envelope';
import { CommandTimeoutError, type ObservedOutcome } from './command-outcome';

interface Waiter {
  readonly resolve: (outcome: ObservedOutcome) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

interface Watcher {
  readonly matches: (projected: ProjectedEnvelope) => boolean;
  readonly resolve: (seen: boolean) => void;
  readonly timer: NodeJS.Timeout;
}

export interface PendingOutcome {
  readonly outcome: Promise<ObservedOutcome>;
  /** Stops waiting (the publish failed): the promise then never settles and holds no timer. */
  cancel(): void;
}

export interface PendingSighting {
  /** True once a matching envelope is projected, false when the time is up (never rejects). */
  readonly seen: Promise<boolean>;
  cancel(): void;
}

const commandIdOf = ({ envelope }: ProjectedEnvelope): string | undefined => {
  if (envelope.commandId) return envelope.commandId;
  const data = envelope.data as Partial<CommandRejectedData> | null;
  return (envelope.type === COMMAND_REJECTED || envelope.type === COMMAND_ACCEPTED) &&
    typeof data?.commandId === 'string'
    ? data.commandId
    : undefined;
};

/** The outcome an envelope settles, if it settles one. */
export function outcomeOf(projected: ProjectedEnvelope): ObservedOutcome | null {
  const commandId = commandIdOf(projected);
  if (commandId === undefined) return null;
  const { envelope } = projected;
  if (envelope.type === COMMAND_REJECTED) {
    const data = envelope.data as Partial<CommandRejectedData>;
    return {
      kind: 'rejected',
      commandId,
      code: typeof data.code === 'string' ? data.code : 'INTERNAL',
      message: typeof data.message === 'string' ? data.message : 'The command was rejected',
    };
  }
  if (envelope.type === COMMAND_ACCEPTED) return { kind: 'accepted', commandId };
  return envelope.lastOfCommand === true ? { kind: 'applied', commandId, lastEvent: envelope } : null;
}

/**
 * Mutations waiting for their command's outcome in this instance. The projector reports every
 * envelope after its commit; the one that ends a command (its last event, or a rejection/accepted
 * marker) settles the waiter, and the mutation then reads its result from the read model.
 */
export class PendingCommands {
  private readonly waiters = new Map<string, Waiter>();
  private readonly watchers = new Set<Watcher>();

  get size(): number {
    return this.waiters.size;
  }

  /** Registers a waiter: call BEFORE publishing, or a fast outcome could arrive unheard. */
  expect(commandId: string, timeoutMs: number): PendingOutcome {
    let cancel = (): void => undefined;
    const outcome = new Promise<ObservedOutcome>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(commandId);
        reject(new CommandTimeoutError(commandId, timeoutMs));
      }, timeoutMs);
      this.waiters.set(commandId, { resolve, reject, timer });
      cancel = () => {
        clearTimeout(timer);
        this.waiters.delete(commandId);
      };
    });
    return { outcome, cancel };
  }

  /** Waits (without failing) until an envelope matching `matches` is projected, at most `timeoutMs`. */
  watch(matches: (projected: ProjectedEnvelope) => boolean, timeoutMs: number): PendingSighting {
    let watcher: Watcher | undefined;
    const seen = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => {
        if (watcher) this.watchers.delete(watcher);
        resolve(false);
      }, timeoutMs);
      watcher = { matches, resolve, timer };
      this.watchers.add(watcher);
    });
    return {
      seen,
      cancel: () => {
        if (!watcher) return;
        clearTimeout(watcher.timer);
        this.watchers.delete(watcher);
        watcher.resolve(false);
      },
    };
  }

  /** The projector's listener. */
  readonly observe = (projected: ProjectedEnvelope): void => {
    const outcome = outcomeOf(projected);
    if (outcome !== null) this.settle(outcome);
    for (const watcher of this.watchers) {
      if (!watcher.matches(projected)) continue;
      clearTimeout(watcher.timer);
      this.watchers.delete(watcher);
      watcher.resolve(true);
    }
  };

  /** Fails every waiter (the gateway is shutting down). */
  rejectAll(reason: Error): void {
    for (const [commandId, waiter] of this.waiters) {
      clearTimeout(waiter.timer);
      this.waiters.delete(commandId);
      waiter.reject(reason);
    }
    for (const watcher of this.watchers) {
      clearTimeout(watcher.timer);
      watcher.resolve(false);
    }
    this.watchers.clear();
  }

  private settle(outcome: ObservedOutcome): void {
    const waiter = this.waiters.get(outcome.commandId);
    if (!waiter) return;
    clearTimeout(waiter.timer);
    this.waiters.delete(outcome.commandId);
    waiter.resolve(outcome);
  }
}
