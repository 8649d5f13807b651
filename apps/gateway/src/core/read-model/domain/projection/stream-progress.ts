import type { EventEnvelope } from '@tminus/contracts';

/**
 * Each view is fed by exactly one stream, so its last applied stream position tells a redelivered
 * event (at-least-once delivery) from a new one: positions at or below it were applied already.
 */
export const alreadyApplied = (version: number, envelope: EventEnvelope): boolean =>
  envelope.streamPosition <= version;

/** What every applied event updates on its view. */
export const progress = (envelope: EventEnvelope): { updatedAt: string; version: number } => ({
  updatedAt: envelope.occurredAt,
  version: envelope.streamPosition,
});
