import { Controller, Inject, UseFilters, type Type } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import {
  decodeCommandEnvelope,
  decodeEventEnvelope,
  type BatchHandler,
  type IncomingMessage,
} from '@tminus/messaging';
import type { CommandSink, Reactor } from '../reactions/reactor';
import { PropagateErrorsFilter } from '../transport/propagate-errors.filter';

/** The provider token of a service's command entry point (its processor or router). */
export const COMMAND_SINK = Symbol('COMMAND_SINK');

/** Marks a commands controller class with its topic, so the kit can hand that topic's batches to the sink. */
const COMMAND_TOPIC = Symbol('COMMAND_TOPIC');

/** The command topic of a controller made by {@link commandsController}, if it is one. */
export const commandTopicOf = (controller: Type<unknown>): string | undefined => {
  const topic: unknown = (controller as unknown as Record<symbol, unknown>)[COMMAND_TOPIC];
  return typeof topic === 'string' ? topic : undefined;
};

/**
 * A consumer batch of a command topic, decoded and handed to the sink at once (one transaction in a
 * CommandProcessor). A message that does not decode fails the batch: it then goes one by one through
 * the controller, which dead-letters it as poison.
 */
export function commandBatchHandler(sink: CommandSink): BatchHandler | undefined {
  const { handleBatch } = sink;
  if (!handleBatch) return undefined;
  return async (messages) => {
    await handleBatch.call(sink, messages.map(decodeCommandEnvelope));
  };
}

/**
 * The adapter from a command topic to the processor: decode (a malformed message is poison and goes
 * to the dead-letter topic at once) and call. Nothing else happens here.
 */
export function commandsController(topic: string): Type<unknown> {
  @Controller()
  @UseFilters(PropagateErrorsFilter)
  class CommandsController {
    constructor(@Inject(COMMAND_SINK) private readonly commands: CommandSink) {}

    @EventPattern<Record<string, IncomingMessage>>(topic)
    async onCommand(@Payload() message: IncomingMessage): Promise<void> {
      await this.commands.handle(decodeCommandEnvelope(message));
    }
  }
  return Object.assign(named(CommandsController, `CommandsController[${topic}]`), { [COMMAND_TOPIC]: topic });
}

/** The adapter from another service's event topic to a reactor provided under `reactorToken`. */
export function reactionsController(topic: string, reactorToken: symbol): Type<unknown> {
  @Controller()
  @UseFilters(PropagateErrorsFilter)
  class ReactionsController {
    constructor(@Inject(reactorToken) private readonly reactor: Reactor) {}

    @EventPattern<Record<string, IncomingMessage>>(topic)
    async onEvent(@Payload() message: IncomingMessage): Promise<void> {
      await this.reactor.handleEvent(decodeEventEnvelope(message));
    }
  }
  return named(ReactionsController, `ReactionsController[${topic}]`);
}

/** Nest tells controllers apart by class; distinct names keep its logs and graph readable too. */
const named = <T extends Type<unknown>>(controller: T, name: string): T =>
  Object.defineProperty(controller, 'name', { value: name });
