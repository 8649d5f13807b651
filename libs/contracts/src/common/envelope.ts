import type { Actor } from './actor';

/**
 * A command on `tminus.<service>.commands`, keyed by `aggregateId`. The gateway mints `commandId`;
 * a service handles each commandId once and answers with events or a `CommandRejected` event.
 */
export interface CommandEnvelope<Type extends string = string, Payload = unknown> {
  readonly commandId: string;
  readonly type: Type;
  readonly aggregateId: string;
  readonly actor: Actor;
  readonly correlationId: string;
  readonly issuedAt: string;
  /** W3C trace context of the request that sent it (CloudEvents distributed tracing extension). */
  readonly traceparent?: string;
  readonly payload: Payload;
}

/**
 * An event as stored and as published on `tminus.<service>.events` (keyed by `streamId`).
 * On Kafka it travels in CloudEvents binary mode: these fields become `ce_` headers, `data` the value.
 */
export interface EventEnvelope<Type extends string = string, Data = unknown> {
  readonly id: string;
  readonly type: Type;
  readonly schemaVersion: number;
  readonly source: string;
  readonly streamId: string;
  /** 1-based position of the event in its stream. */
  readonly streamPosition: number;
  readonly occurredAt: string;
  readonly correlationId: string;
  readonly causationId: string;
  /** Set when the event answers a command: lets the gateway resolve the pending mutation. */
  readonly commandId?: string;
  /** True on the last event a command produced (the outcome is complete once it is applied). */
  readonly lastOfCommand?: boolean;
  readonly actor?: Actor;
  /** W3C trace context of the work that produced it: a trace follows a change through Kafka. */
  readonly traceparent?: string;
  readonly data: Data;
}

/** Published instead of events when a command breaks a rule; keyed by the command's aggregate id. */
export const COMMAND_REJECTED = 'CommandRejected' as const;

export interface CommandRejectedData {
  readonly commandId: string;
  readonly commandType: string;
  readonly aggregateId: string;
  readonly code: string;
  readonly message: string;
}

/**
 * Published when a command was accepted but changed nothing (an idempotent no-op such as an
 * `ExpireWaiver` for a waiver already gone), so whoever waits on the command still gets an answer.
 */
export const COMMAND_ACCEPTED = 'CommandAccepted' as const;

export interface CommandAcceptedData {
  readonly commandId: string;
  readonly commandType: string;
  readonly aggregateId: string;
}
