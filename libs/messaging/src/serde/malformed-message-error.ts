/** Where a message came from, when it came from a topic (absent for messages not yet published). */
export interface MessageLocation {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
}

/**
 * A failure no retry can fix (a poison message): the reliable consumer sends the message to the
 * dead-letter topic at once instead of retrying it.
 */
export abstract class PoisonMessageError extends Error {}

export const isPoisonMessageError = (error: unknown): error is PoisonMessageError =>
  error instanceof PoisonMessageError;

/** A message that can never be decoded, however often it is retried. */
export class MalformedMessageError extends PoisonMessageError {
  constructor(
    /** Every problem found, e.g. `header ce_streamposition "x" is not a non-negative integer`. */
    readonly problems: readonly string[],
    readonly location?: MessageLocation,
  ) {
    super(
      `Malformed message${location ? ` at ${location.topic}[${location.partition}]@${location.offset}` : ''}: ` +
        problems.join('; '),
    );
    this.name = 'MalformedMessageError';
  }
}
