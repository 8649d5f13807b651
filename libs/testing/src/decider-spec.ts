import { DomainError, type DecideContext, type Decider, type Message } from '@tminus/contracts';

export interface DeciderSpecOptions {
  readonly context?: Partial<DecideContext>;
}

const DEFAULT_CONTEXT: DecideContext = {
  now: new Date('2026-01-01T00:00:00.000Z'),
  actor: { userId: 'alice', role: 'ADMIN' },
};

type Outcome<Event> = { events: Event[] } | { error: unknown };

/**
 * Given/when/then for deciders (after emmett's DeciderSpecification):
 *
 *   spec.given([created]).when(tick).then([ticked])
 *   spec.given([]).when(tick).thenThrows('CHECKLIST.NOT_FOUND')
 */
export const deciderSpec = <Command extends Message, Event extends Message, State>(
  decider: Decider<Command, Event, State>,
) => ({
  given: (history: readonly Event[]) => ({
    when: (command: Command, options: DeciderSpecOptions = {}) => {
      const context: DecideContext = { ...DEFAULT_CONTEXT, ...options.context };
      const run = (): Outcome<Event> => {
        const state = history.reduce(decider.evolve, decider.initialState());
        try {
          return { events: decider.decide(command, state, context) };
        } catch (error) {
          return { error };
        }
      };
      return {
        then: (expected: readonly Event[]): void => {
          const outcome = run();
          if ('error' in outcome) throw outcome.error;
          expect(outcome.events).toEqual(expected);
        },
        /** Asserts the events match `predicate` (for events carrying generated or time values). */
        thenEventsSatisfy: (assertion: (events: Event[]) => void): void => {
          const outcome = run();
          if ('error' in outcome) throw outcome.error;
          assertion(outcome.events);
        },
        /** Accepted, nothing to change. */
        thenNothing: (): void => {
          const outcome = run();
          if ('error' in outcome) throw outcome.error;
          expect(outcome.events).toEqual([]);
        },
        thenThrows: (code: string): void => {
          const outcome = run();
          if (!('error' in outcome)) {
            throw new Error(`Expected ${code}, but the decider returned ${JSON.stringify(outcome.events)}`);
          }
          expect(outcome.error).toBeInstanceOf(DomainError);
          expect((outcome.error as DomainError).code).toBe(code);
        },
      };
    },
  }),
});
