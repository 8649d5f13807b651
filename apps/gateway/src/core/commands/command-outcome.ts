import { DomainError, ErrorCodes, type EventEnvelope } from '@tminus/contracts';

/** How a command ended, as seen in the read model. */
export type ObservedOutcome =
  /** Its last event is applied: queries now show its effect. */
  | { readonly kind: 'applied'; readonly commandId: string; readonly lastEvent: EventEnvelope }
  /** Accepted, but nothing changed (a CommandAccepted marker). */
  | { readonly kind: 'accepted'; readonly commandId: string }
  | {
      readonly kind: 'rejected';
      readonly commandId: string;
      readonly code: string;
      readonly message: string;
    };

/** A service refused the command; `code` is the stable rule code (e.g. CHECKLIST.ITEM_ALREADY_DONE). */
export class CommandRejectedError extends DomainError {
  constructor(
    code: string,
    message: string,
    readonly commandId: string,
  ) {
    super(code, message);
    this.name = 'CommandRejectedError';
  }
}

/** No outcome arrived in time. The command is still on its topic and will be handled: nothing is lost. */
export class CommandTimeoutError extends DomainError {
  constructor(
    readonly commandId: string,
    readonly timeoutMs: number,
  ) {
    super(
      ErrorCodes.COMMAND_TIMEOUT,
      `No outcome for command ${commandId} within ${timeoutMs} ms; it is queued and will still be handled. ` +
        'Query the affected object later to see its effect.',
    );
    this.name = 'CommandTimeoutError';
  }
}
