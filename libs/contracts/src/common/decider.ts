import type { Actor } from './actor';

/** A domain message: the shape deciders speak. Transport metadata lives in envelopes. */
export interface Message<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

/** What a decision may depend on besides the command and the state. */
export interface DecideContext {
  readonly now: Date;
  readonly actor: Actor;
}

/**
 * One decider per aggregate (emmett's shape). `decide` returns the new events or throws a
 * {@link DomainError}. An empty list means "accepted, nothing to change" (the service then publishes a
 * `CommandAccepted` marker so a waiting caller still gets its answer); rule violations always throw.
 */
export interface Decider<Command extends Message, Event extends Message, State> {
  readonly initialState: () => State;
  readonly decide: (command: Command, state: State, context: DecideContext) => Event[];
  readonly evolve: (state: State, event: Event) => State;
}

/** A rule violation, carried as a stable code that clients match on (never on the message). */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const fold = <Event extends Message, State>(
  decider: Pick<Decider<Message, Event, State>, 'initialState' | 'evolve'>,
  events: readonly Event[],
): State => events.reduce(decider.evolve, decider.initialState());
