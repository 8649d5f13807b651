/** What a pipeline step sees: the gate's answer, or that the question could not be asked. */
export const ExitCodes = {
  ALLOWED: 0,
  DENIED: 1,
  /** Bad arguments, a rejected token, an unknown launch, an unreachable or misbehaving gateway. */
  ERROR: 2,
} as const;

export type ExitCode = (typeof ExitCodes)[keyof typeof ExitCodes];

/** A failure that ends the CLI with {@link ExitCodes.ERROR} and a one-line message on stderr. */
export class CliError extends Error {
  constructor(
    message: string,
    /** The gateway's stable error code, when it sent one (e.g. UNAUTHENTICATED). */
    readonly code?: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
