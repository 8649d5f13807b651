/** The mutations the workload sends, and what each one must have caused if it was acknowledged. */
export type OperationKind =
  'createTeam' | 'createLaunch' | 'requireTeam' | 'addChecklistItem' | 'tickItem' | 'untickItem';

/**
 * acknowledged: answered without error (the change must be there, once);
 * refused: answered with a rule's error code (no change expected);
 * unknown: no answer (timeout, connection cut): the change may or may not be there, but at most once.
 */
export type Outcome = 'acknowledged' | 'refused' | 'unknown';

export interface Operation {
  /** Unique per run; ticks carry it in their evidence URL, so their events can be told apart. */
  readonly id: string;
  readonly kind: OperationKind;
  readonly client: number;
  readonly gateway: number;
  /** The fault phase it was sent in. */
  readonly phase: string;
  readonly startedAt: number;
  endedAt: number;
  outcome: Outcome;
  error?: string;
  /** What it names: the created id (from the answer) or the target. */
  target: OperationTarget;
}

export interface OperationTarget {
  teamId?: string;
  launchId?: string;
  checklistId?: string;
  itemId?: string;
  /** For an untick: the tick whose DONE it undoes (the item's next event after that tick's must be it). */
  afterTickId?: string;
}

/** Every operation of the run, and the fault phase in force while it runs. */
export class Ledger {
  readonly operations: Operation[] = [];
  private phase = 'warm-up';
  private sequence = 0;

  get currentPhase(): string {
    return this.phase;
  }

  enterPhase(name: string): void {
    this.phase = name;
  }

  nextId(): string {
    this.sequence += 1;
    return `op${this.sequence}`;
  }

  /** Runs `send` and records its outcome; returns the answer, or undefined when not acknowledged. */
  async record<T>(
    kind: OperationKind,
    context: { client: number; gateway: number; target: OperationTarget; id?: string },
    send: () => Promise<T>,
    classify: (error: unknown) => { outcome: Exclude<Outcome, 'acknowledged'>; error: string },
  ): Promise<{ answer?: T; operation: Operation }> {
    const operation: Operation = {
      id: context.id ?? this.nextId(),
      kind,
      client: context.client,
      gateway: context.gateway,
      phase: this.phase,
      startedAt: Date.now(),
      endedAt: 0,
      outcome: 'unknown',
      target: { ...context.target },
    };
    this.operations.push(operation);
    try {
      const answer = await send();
      operation.outcome = 'acknowledged';
      return { answer, operation };
    } catch (error) {
      Object.assign(operation, classify(error));
      return { operation };
    } finally {
      operation.endedAt = Date.now();
    }
  }

  acknowledged(): Operation[] {
    return this.operations.filter((o) => o.outcome === 'acknowledged');
  }
}
