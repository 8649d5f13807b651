import {
  DomainError,
  ErrorCodes,
  type CommandEnvelope,
  type Decider,
  type EventEnvelope,
  type Message,
} from '@tminus/contracts';
import {
  CommandAlreadyProcessedError,
  ConcurrencyError,
  KeyedLock,
  type CommandOutcome,
  type EventStore,
  type RecordedEvent,
  type StoreTransaction,
} from '@tminus/event-store';
import { DEFAULT_CONFLICT_RETRY, jitteredDelay, sleep, type ConflictRetryPolicy } from './conflict-retry';
import { StreamStateCache, type FoldedStream } from './stream-state-cache';
import { activeTraceparent, inSpan, SpanKind } from '@tminus/tracing';
import { commandAccepted, commandRejected, toNewEvents, toPublishedEnvelope } from './outcome-envelopes';

/** What the processor needs from the outbox relay: a nudge after a commit (the relay's `kick()`). */
export interface OutboxKicker {
  kick(): void;
}

/** What a hook sees, inside the command's transaction. */
export interface CommandContext<C extends Message, S> {
  readonly tx: StoreTransaction;
  readonly envelope: CommandEnvelope;
  readonly command: C;
  readonly streamId: string;
  /** The stream folded with `evolve`. */
  readonly state: S;
}

export interface DecidedContext<C extends Message, E extends Message, S> extends CommandContext<C, S> {
  readonly events: readonly E[];
}

export type CommandResult =
  | { readonly status: 'ACCEPTED'; readonly events: EventEnvelope[]; readonly attempts: number }
  | {
      readonly status: 'REJECTED';
      readonly code: string;
      readonly message: string;
      readonly events: EventEnvelope[];
      readonly attempts: number;
    }
  /** The command id was handled before: nothing was written this time. */
  | { readonly status: 'DUPLICATE'; readonly previous: CommandOutcome | null; readonly attempts: number };

export interface HandledCommand {
  readonly service: string;
  readonly type: string;
  readonly result: CommandResult;
  readonly durationMs: number;
}

/** Told about every handled command (metrics, logs). */
export type CommandObserver = (handled: HandledCommand) => void;

export interface CommandProcessorOptions<C extends Message, E extends Message, S> {
  /** The service name (`teams`): events get `tminus.<service>` as their source. */
  readonly service: string;
  readonly decider: Decider<C, E, S>;
  /** The command types this processor handles (a router picks the processor by type). */
  readonly commandTypes: readonly C['type'][];
  readonly streamIdOf: (command: C) => string;
  /** Where events and outcomes are published (the outbox topic), e.g. `tminus.teams.events`. */
  readonly eventsTopic: string;
  readonly store: EventStore;
  readonly relay?: OutboxKicker;
  /**
   * Before `decide`, in the transaction: enrichment from the service's own views. Returns the command
   * to decide (or nothing to keep it). A DomainError thrown here rejects the command.
   */
  readonly prepare?: (context: CommandContext<C, S>) => Promise<C | void>;
  /**
   * After `decide`, before the append, in the transaction: reservations that depend on the outcome
   * (a team key). A DomainError thrown here rejects the command and rolls the reservation back.
   */
  readonly beforeAppend?: (context: DecidedContext<C, E, S>) => Promise<void>;
  readonly conflictRetry?: ConflictRetryPolicy;
  /** Folded streams kept in memory (LRU; default {@link DEFAULT_STATE_CACHE_STREAMS}); 0 turns it off. */
  readonly stateCacheStreams?: number;
  readonly observer?: CommandObserver;
  readonly now?: () => Date;
}

/** A command the processor refuses before deciding (unknown type, malformed payload). */
class Rejection extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The command pipeline of one aggregate type. In ONE transaction: skip a command id seen before, load
 * and fold the stream, decide, append with the exact expected version, put the same envelopes in the
 * outbox (keyed by stream id) and record the outcome. A rule violation is an outcome too: a
 * `CommandRejected` envelope and a REJECTED outcome, written together. Lost appends are retried a
 * bounded number of times; any other error propagates (the consumer retries, then dead-letters).
 */
export class CommandProcessor<C extends Message, E extends Message, S> {
  readonly service: string;
  readonly source: string;
  private readonly retry: ConflictRetryPolicy;
  private readonly now: () => Date;
  private readonly types: ReadonlySet<string>;
  private readonly streams = new KeyedLock();
  private readonly folded: StreamStateCache<S>;

  constructor(private readonly options: CommandProcessorOptions<C, E, S>) {
    this.service = options.service;
    this.source = `tminus.${options.service}`;
    this.retry = options.conflictRetry ?? DEFAULT_CONFLICT_RETRY;
    this.now = options.now ?? (() => new Date());
    this.types = new Set(options.commandTypes);
    this.folded = new StreamStateCache(options.stateCacheStreams);
  }

  handles(type: string): boolean {
    return this.types.has(type);
  }

  async handle(envelope: CommandEnvelope): Promise<CommandResult> {
    const started = performance.now();
    // One span per command, continuing the sender's trace; its events carry this span on to Kafka.
    const result = await inSpan(
      `handle ${envelope.type}`,
      {
        traceparent: envelope.traceparent,
        kind: SpanKind.CONSUMER,
        attributes: spanAttributes(envelope),
      },
      () => this.handleWithRetries(withActiveTrace(envelope)),
    );
    if (result.status !== 'DUPLICATE') this.options.relay?.kick();
    this.options.observer?.({
      service: this.service,
      type: envelope.type,
      result,
      durationMs: performance.now() - started,
    });
    return result;
  }

  /**
   * Several commands (what the consumer delivered of one partition), in order, in ONE transaction:
   * one commit instead of one per command. Only plain acceptances and duplicates are kept that way;
   * anything else (a rejection, a lost append, a malformed command, any error) rolls the whole batch
   * back and the commands are handled one by one with {@link handle}, so a failing command cannot
   * poison the others and per-command semantics are exactly those of `handle`.
   */
  async handleBatch(envelopes: readonly CommandEnvelope[]): Promise<CommandResult[]> {
    if (envelopes.length < 2) return this.oneByOne(envelopes);
    const started = performance.now();
    const parsed = this.parseAll(envelopes);
    if (!parsed) return this.oneByOne(envelopes);
    // Locks in one global order (sorted), so two batches sharing streams cannot wait on each other.
    const streamIds = [...new Set(parsed.map((p) => p.streamId))].sort();
    const committed = await this.underLocks(streamIds, () => this.commitBatch(envelopes, parsed));
    if (!committed) return this.oneByOne(envelopes);
    this.options.relay?.kick();
    const durationMs = (performance.now() - started) / envelopes.length;
    committed.forEach((result, i) =>
      this.options.observer?.({ service: this.service, type: envelopes[i].type, result, durationMs }),
    );
    return committed;
  }

  /** The batch's commands against folds kept across the batch; undefined: rolled back, go one by one. */
  private async commitBatch(
    envelopes: readonly CommandEnvelope[],
    parsed: readonly { command: C; streamId: string }[],
  ): Promise<CommandResult[] | undefined> {
    const folds = new Map<string, FoldedStream<S>>();
    try {
      const results = await this.options.store.transaction(async (tx) => {
        const decided: CommandResult[] = [];
        for (const [i, envelope] of envelopes.entries()) {
          const { command, streamId } = parsed[i];
          const { result, folded } = await inSpan(
            `handle ${envelope.type}`,
            {
              traceparent: envelope.traceparent,
              kind: SpanKind.CONSUMER,
              attributes: spanAttributes(envelope),
            },
            () => this.attempt(tx, withActiveTrace(envelope), command, streamId, 1, folds.get(streamId)),
          );
          if (folded) folds.set(streamId, folded);
          decided.push(result);
        }
        return decided;
      });
      for (const [streamId, folded] of folds) this.folded.remember(streamId, folded);
      return results;
    } catch {
      // Whatever happened, the one-by-one path decides again from the store (and reports the error).
      for (const streamId of new Set(parsed.map((p) => p.streamId))) this.folded.forget(streamId);
      return undefined;
    }
  }

  private parseAll(envelopes: readonly CommandEnvelope[]): { command: C; streamId: string }[] | undefined {
    try {
      return envelopes.map((envelope) => this.parse(envelope));
    } catch {
      return undefined;
    }
  }

  private underLocks<T>(streamIds: readonly string[], section: () => Promise<T>): Promise<T> {
    const [first, ...rest] = streamIds;
    if (first === undefined) return section();
    return this.streams.run(first, () => this.underLocks(rest, section));
  }

  private async oneByOne(envelopes: readonly CommandEnvelope[]): Promise<CommandResult[]> {
    const results: CommandResult[] = [];
    for (const envelope of envelopes) results.push(await this.handle(envelope));
    return results;
  }

  /** Records a rejection without deciding anything (an unknown command type, a malformed payload). */
  reject(envelope: CommandEnvelope, code: string, message: string, attempts = 1): Promise<CommandResult> {
    return this.recordRejection(envelope, code, message, attempts);
  }

  private async handleWithRetries(envelope: CommandEnvelope): Promise<CommandResult> {
    let received: { command: C; streamId: string };
    try {
      received = this.parse(envelope);
    } catch (error) {
      if (error instanceof Rejection) return this.recordRejection(envelope, error.code, error.message, 1);
      throw error;
    }
    // One stream at a time in this process; the retries below are for rivals in other processes.
    return this.streams.run(received.streamId, () =>
      this.retryConflicts(envelope, received.command, received.streamId),
    );
  }

  private async retryConflicts(
    envelope: CommandEnvelope,
    received: C,
    streamId: string,
  ): Promise<CommandResult> {
    for (let attempt = 1; ; attempt++) {
      try {
        const { result, folded } = await this.options.store.transaction((tx) =>
          this.attempt(tx, envelope, received, streamId, attempt),
        );
        // Only once committed: a rolled-back attempt must not leave its state behind.
        if (folded) this.folded.remember(streamId, folded);
        return result;
      } catch (error) {
        // Whatever failed, the next command starts from the store (a conflict: a rival wrote).
        this.folded.forget(streamId);
        if (error instanceof DomainError)
          return this.recordRejection(envelope, error.code, error.message, attempt);
        if (error instanceof CommandAlreadyProcessedError)
          return { status: 'DUPLICATE', previous: null, attempts: attempt };
        if (!(error instanceof ConcurrencyError)) throw error;
        // Someone else wrote the stream: fold it again from the store, not from what this process saw.
        this.folded.forget(error.streamId);
        if (attempt >= this.retry.maxAttempts) {
          // Decided: an answer the caller can act on (send it again) beats a dead letter an operator must replay.
          return this.recordRejection(
            envelope,
            ErrorCodes.INTERNAL,
            `Gave up after ${attempt} attempts: stream ${error.streamId} kept changing concurrently; send the command again`,
            attempt,
          );
        }
        await sleep(jitteredDelay(this.retry, attempt));
      }
    }
  }

  private async attempt(
    tx: StoreTransaction,
    envelope: CommandEnvelope,
    received: C,
    streamId: string,
    attempts: number,
    /** The stream as an earlier command of the same batch left it (already read in this transaction). */
    inBatch?: FoldedStream<S>,
  ): Promise<{ result: CommandResult; folded?: FoldedStream<S> }> {
    const previous = await tx.findCommandOutcome(envelope.commandId);
    if (previous) return { result: { status: 'DUPLICATE', previous, attempts } };
    const { state, version } = inBatch ?? (await this.load(tx, streamId));
    const base = { tx, envelope, streamId, state };
    const command = (await this.options.prepare?.({ ...base, command: received })) ?? received;
    const now = this.now();
    const decided = this.options.decider.decide(command, state, { now, actor: envelope.actor });
    await this.options.beforeAppend?.({ ...base, command, events: decided });

    let folded: FoldedStream<S> = { state, version };
    let published: EventEnvelope[];
    if (decided.length === 0) published = [commandAccepted(envelope, streamId, this.source, now)];
    else {
      const appended = await tx.append(streamId, toNewEvents(decided, envelope, now), version);
      folded = this.fold(folded, appended.events);
      published = appended.events.map((event) => toPublishedEnvelope(event, this.source));
    }
    await tx.enqueueOutbox(
      published.map((e) => ({ topic: this.options.eventsTopic, key: streamId, envelope: e })),
    );
    await tx.recordCommandOutcome(envelope.commandId, {
      status: 'ACCEPTED',
      eventIds: published.map((e) => e.id),
    });
    return { result: { status: 'ACCEPTED', events: published, attempts }, folded };
  }

  /**
   * The stream's state: the cached fold plus the events after it (usually none), read in this
   * transaction, so what a rival process appended is always seen; without a cached fold, all of it.
   */
  private async load(tx: StoreTransaction, streamId: string): Promise<FoldedStream<S>> {
    const cached = this.folded.get(streamId);
    const start = cached ?? { state: this.options.decider.initialState(), version: 0 };
    return this.fold(start, await tx.readStream(streamId, start.version + 1));
  }

  private fold(start: FoldedStream<S>, events: readonly RecordedEvent[]): FoldedStream<S> {
    const { evolve } = this.options.decider;
    return {
      state: events.reduce((s, event) => evolve(s, event as unknown as E), start.state),
      version: events.at(-1)?.streamPosition ?? start.version,
    };
  }

  private async recordRejection(
    envelope: CommandEnvelope,
    code: string,
    message: string,
    attempts: number,
  ): Promise<CommandResult> {
    try {
      return await this.options.store.transaction(async (tx) => {
        const previous = await tx.findCommandOutcome(envelope.commandId);
        if (previous) return { status: 'DUPLICATE', previous, attempts };
        const rejected = commandRejected(envelope, { code, message }, this.source, this.now());
        await tx.enqueueOutbox([
          { topic: this.options.eventsTopic, key: envelope.aggregateId, envelope: rejected },
        ]);
        await tx.recordCommandOutcome(envelope.commandId, {
          status: 'REJECTED',
          code,
          eventIds: [rejected.id],
        });
        return { status: 'REJECTED', code, message, events: [rejected], attempts };
      });
    } catch (error) {
      if (error instanceof CommandAlreadyProcessedError)
        return { status: 'DUPLICATE', previous: null, attempts };
      throw error;
    }
  }

  /** Deciders trust the command's shape; what the transport cannot vouch for is checked here. */
  private parse(envelope: CommandEnvelope): { command: C; streamId: string } {
    if (!this.handles(envelope.type)) {
      throw new Rejection(
        ErrorCodes.BAD_USER_INPUT,
        `${this.service} does not handle commands of type "${envelope.type}"`,
      );
    }
    const { payload } = envelope;
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
      throw new Rejection(ErrorCodes.BAD_USER_INPUT, `The payload of ${envelope.type} must be a JSON object`);
    }
    const command = { type: envelope.type, data: payload } as unknown as C;
    const streamId: unknown = this.options.streamIdOf(command);
    if (typeof streamId !== 'string' || streamId.trim() === '') {
      throw new Rejection(ErrorCodes.BAD_USER_INPUT, `${envelope.type} names no aggregate id`);
    }
    return { command, streamId };
  }
}

/** The command stamped with the span handling it (when tracing is on), so its events continue the trace. */
const withActiveTrace = (envelope: CommandEnvelope): CommandEnvelope => {
  const traceparent = activeTraceparent();
  return traceparent === undefined ? envelope : { ...envelope, traceparent };
};

const spanAttributes = (envelope: CommandEnvelope): Record<string, string> => ({
  'tminus.command_id': envelope.commandId,
  'tminus.aggregate_id': envelope.aggregateId,
});
