import { deterministicId, SYSTEM_ACTOR, type CommandEnvelope, type EventEnvelope } from '@tminus/contracts';
import { upcastEnvelope, type EventStore, type StoreTransaction } from '@tminus/event-store';
import { idempotentHandler, type ApplyOutcome } from '@tminus/messaging';
import type { CommandResult } from '../commands/command-processor';
import type { ServiceLogger } from '../observability/service-logger';

/** Where a reaction's commands go: the service's own processor (or router), called in-process. */
export interface CommandSink {
  handle(envelope: CommandEnvelope): Promise<CommandResult>;
  /** Commands of one consumer batch, in order (a processor commits them in one transaction). */
  handleBatch?(envelopes: readonly CommandEnvelope[]): Promise<CommandResult[]>;
}

export interface ReactorOptions {
  /** Names the reactor's checkpoints (`reactor:<name>`) and its command ids: never rename a live one. */
  readonly name: string;
  readonly store: EventStore;
  readonly commands?: CommandSink;
  /**
   * Updates the service's own views. Runs in the transaction that moves the reactor's checkpoint for
   * the event's stream, and only for an event past it: a redelivered event changes nothing.
   */
  readonly project?: (tx: StoreTransaction, event: EventEnvelope) => Promise<void>;
  /**
   * The commands an event calls for, built with {@link Reactor.command} (ids derived from the event).
   * Runs on every delivery, after the projection committed: a redelivery re-sends the same ids and
   * the processor skips those it already handled, so a crash in between loses nothing.
   */
  readonly commandsFor?: (event: EventEnvelope, reactor: Reactor) => Promise<CommandEnvelope[]>;
  /** Called once the projection of `event` is committed (or was already): wakes whoever waits on the view. */
  readonly onProjected?: (event: EventEnvelope) => void;
  readonly logger: ServiceLogger;
}

export interface ReactionCommand {
  readonly type: string;
  readonly aggregateId: string;
  readonly payload: object;
}

/**
 * Reacts to another service's events: keeps views (idempotently, by per-stream position) and issues
 * commands to this service's processor with the same guarantees as commands from the bus.
 */
export class Reactor {
  private readonly projectOnce: (event: EventEnvelope) => Promise<ApplyOutcome>;

  constructor(private readonly options: ReactorOptions) {
    const project = options.project;
    this.projectOnce = project
      ? idempotentHandler({
          store: options.store,
          consumer: `reactor:${options.name}`,
          apply: project,
          logger: options.logger,
        })
      : async () => 'applied';
  }

  get store(): EventStore {
    return this.options.store;
  }

  async handleEvent(received: EventEnvelope): Promise<void> {
    // Reactions read every event at its current schema version, whoever wrote it and when.
    const event = upcastEnvelope(received);
    // Command outcomes (position 0) are answers to callers, not facts about a stream.
    if (event.streamPosition < 1) return;
    await this.projectOnce(event);
    this.options.onProjected?.(event);
    const commands = (await this.options.commandsFor?.(event, this)) ?? [];
    for (const command of commands) await this.send(command, event);
  }

  /** A command on behalf of the system, with an id that is the same on every delivery of `event`. */
  command(event: EventEnvelope, command: ReactionCommand): CommandEnvelope {
    return {
      commandId: deterministicId('reaction', this.options.name, event.id, command.type, command.aggregateId),
      type: command.type,
      aggregateId: command.aggregateId,
      actor: SYSTEM_ACTOR,
      correlationId: event.correlationId,
      issuedAt: new Date().toISOString(),
      payload: command.payload,
    };
  }

  /** Reads the service's views in a short transaction of their own. */
  read<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T> {
    return this.options.store.transaction(work);
  }

  private async send(command: CommandEnvelope, cause: EventEnvelope): Promise<void> {
    const sink = this.options.commands;
    if (!sink) throw new Error(`Reactor ${this.options.name} has no command sink for ${command.type}`);
    const result = await sink.handle(command);
    if (result.status === 'REJECTED') {
      this.options.logger.warn(
        {
          reactor: this.options.name,
          cause: cause.type,
          causeId: cause.id,
          command: command.type,
          code: result.code,
        },
        `reaction command rejected: ${result.message}`,
      );
    }
  }
}
