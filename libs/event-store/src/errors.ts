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
