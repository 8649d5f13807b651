/** The stream was not at the version the writer expected: someone else appended first. */
export class ConcurrencyError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: number | 'any' | 'no_stream',
    readonly actual: number | null,
  ) {
    super(`Stream ${streamId}: expected version ${String(expected)}, found ${actual ?? 'a newer version'}`);
    this.name = 'ConcurrencyError';
  }
}

/** A unique key (team key, launch key…) is already held by another owner. */
export class KeyTakenError extends Error {
  constructor(
    readonly scope: string,
    readonly key: string,
    readonly ownerId: string,
  ) {
    super(`${scope} key "${key}" is already taken`);
    this.name = 'KeyTakenError';
  }
}

/** Another transaction recorded an outcome for this command first: read that outcome instead. */
export class CommandAlreadyProcessedError extends Error {
  constructor(readonly commandId: string) {
    super(`Command ${commandId} was already processed`);
    this.name = 'CommandAlreadyProcessedError';
  }
}

/** A stored event has an older schema version and no upcaster lifts it to the next one. */
export class MissingUpcasterError extends Error {
  constructor(
    readonly type: string,
    readonly fromVersion: number,
  ) {
    super(`No upcaster for ${type} from schema version ${fromVersion}`);
    this.name = 'MissingUpcasterError';
  }
}
