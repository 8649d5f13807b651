/** The data directory cannot be trusted: the process must not start on it. Rendered as one line. */
export class DataDirDamagedError extends Error {
  constructor(
    /** The file at fault (absolute path). */
    readonly file: string,
    readonly problem: string,
    readonly remedy: string,
  ) {
    super(`refusing to start: ${file} ${problem}; ${remedy}`);
    this.name = 'DataDirDamagedError';
  }
}
