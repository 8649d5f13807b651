import { activeTraceparent } from '@tminus/tracing';
import {
  commandTopicOf,
  newId,
  type Actor,
  type CommandEnvelope,
  type Message,
  type ServiceName,
} from '@tminus/contracts';
import { encodeCommandEnvelope, type MessageBus } from '@tminus/messaging';
import type { Logger } from 'pino';
import type { ProjectedEnvelope } from '../read-model/projector/project-envelope';
import { CommandRejectedError, CommandTimeoutError, type ObservedOutcome } from './command-outcome';
import type { PendingCommands, PendingOutcome } from './pending-commands';

/** A command for one service's aggregate. */
export interface OutgoingCommand<Command extends Message = Message> {
  readonly service: ServiceName;
  readonly aggregateId: string;
  readonly command: Command;
}

export interface SendOptions {
  readonly actor: Actor;
  /** Ties the command and everything it causes together (default: the command id). */
  readonly correlationId?: string;
  /**
   * Something else to wait for after the outcome, e.g. the checklist the checklists service opens when
   * a team becomes required. Registered before the publish; waited for with the time left, never fails.
   */
  readonly alsoAwait?: (projected: ProjectedEnvelope) => boolean;
}

export interface CommandSenderOptions {
  readonly bus: Pick<MessageBus, 'publish'>;
  readonly pending: PendingCommands;
  readonly timeoutMs: number;
  readonly logger: Logger;
  readonly clock?: () => Date;
  readonly onOutcome?: (
    type: string,
    outcome: ObservedOutcome['kind'] | 'timeout',
    durationMs: number,
  ) => void;
}

/**
 * Publishes commands to `tminus.<service>.commands` (keyed by aggregate id, CloudEvents binary mode)
 * and, for mutations, waits until the read model shows their outcome: read-your-writes without any
 * request-reply over Kafka.
 */
export class CommandSender {
  constructor(private readonly options: CommandSenderOptions) {}

  /** Sends and waits. Resolves once the outcome is visible to queries; throws on rejection or timeout. */
  async send(outgoing: OutgoingCommand, options: SendOptions): Promise<ObservedOutcome> {
    const envelope = this.envelopeOf(outgoing, options);
    const started = performance.now();
    const pending = this.options.pending.expect(envelope.commandId, this.options.timeoutMs);
    const followUp = options.alsoAwait
      ? this.options.pending.watch(options.alsoAwait, this.options.timeoutMs)
      : null;
    let outcome: ObservedOutcome;
    try {
      outcome = await this.publishAndAwait(outgoing.service, envelope, pending);
    } catch (error) {
      followUp?.cancel();
      if (error instanceof CommandTimeoutError)
        this.options.onOutcome?.(envelope.type, 'timeout', performance.now() - started);
      throw error;
    }
    this.options.onOutcome?.(envelope.type, outcome.kind, performance.now() - started);
    if (outcome.kind === 'rejected') {
      followUp?.cancel();
      throw new CommandRejectedError(outcome.code, outcome.message, outcome.commandId);
    }
    if (followUp && !(await followUp.seen)) {
      this.options.logger.warn(
        { commandId: envelope.commandId, type: envelope.type },
        'follow-up not seen in time',
      );
    }
    return outcome;
  }

  /**
   * Publishes, then waits for the outcome. The outcome's timer runs from before the publish, so a
   * publish that stalls (the broker is down and kafkajs keeps retrying) ends in COMMAND_TIMEOUT too, and
   * the timeout is always awaited: it can never become an unhandled rejection that ends the process.
   */
  private async publishAndAwait(
    service: ServiceName,
    envelope: CommandEnvelope,
    pending: PendingOutcome,
  ): Promise<ObservedOutcome> {
    const published = this.publish(service, envelope).then(
      () => null,
      (error: unknown) => ({ error }),
    );
    const first = await Promise.race([published, pending.outcome]);
    if (first === null) return pending.outcome;
    if ('kind' in first) return first;
    pending.cancel();
    throw first.error;
  }

  /** Publishes without waiting (audit records such as a pipeline's gate evaluation); returns the command id. */
  async publishOnly(outgoing: OutgoingCommand, options: Omit<SendOptions, 'alsoAwait'>): Promise<string> {
    const envelope = this.envelopeOf(outgoing, options);
    await this.publish(outgoing.service, envelope);
    return envelope.commandId;
  }

  private envelopeOf(outgoing: OutgoingCommand, options: SendOptions): CommandEnvelope {
    const commandId = newId();
    // The request's trace (when tracing is on) follows the command through Kafka.
    const traceparent = activeTraceparent();
    return {
      commandId,
      type: outgoing.command.type,
      aggregateId: outgoing.aggregateId,
      actor: options.actor,
      correlationId: options.correlationId ?? commandId,
      issuedAt: (this.options.clock?.() ?? new Date()).toISOString(),
      ...(traceparent !== undefined && { traceparent }),
      payload: outgoing.command.data,
    };
  }

  private async publish(service: ServiceName, envelope: CommandEnvelope): Promise<void> {
    await this.options.bus.publish(commandTopicOf(service), [
      encodeCommandEnvelope(envelope, { source: 'tminus.gateway' }),
    ]);
    this.options.logger.debug(
      { commandId: envelope.commandId, type: envelope.type, aggregateId: envelope.aggregateId },
      'command published',
    );
  }
}
