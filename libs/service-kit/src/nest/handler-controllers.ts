import { Controller, Inject, UseFilters, type Type } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { decodeCommandEnvelope, decodeEventEnvelope, type IncomingMessage } from '@tminus/messaging';
import type { CommandSink, Reactor } from '../reactions/reactor';
import { PropagateErrorsFilter } from '../transport/propagate-errors.filter';

/** The provider token of a service's command entry point (its processor or router). */
export const COMMAND_SINK = Symbol('COMMAND_SINK');

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
  return named(CommandsController, `CommandsController[${topic}]`);
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
