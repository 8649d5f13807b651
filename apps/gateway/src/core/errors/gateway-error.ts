import { DomainError, ErrorCodes } from '@tminus/contracts';

/** One problem with one input field, e.g. `{ field: 'input.key', message: 'must be a slug…' }`. */
export interface FieldIssue {
  readonly field: string;
  readonly message: string;
}

/**
 * An error raised at the gateway's edge with a stable code; `details` travel with it to clients
 * (GraphQL `extensions`, REST bodies). Transport-neutral: GraphQL and REST map it the same way.
 */
export class GatewayError extends DomainError {
  constructor(
    code: string,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(code, message);
    this.name = 'GatewayError';
  }
}

export const unauthenticated = (): GatewayError =>
  new GatewayError(
    ErrorCodes.UNAUTHENTICATED,
    'A valid API token is required: send "Authorization: Bearer <token>"',
  );

export const forbidden = (message: string): GatewayError => new GatewayError(ErrorCodes.FORBIDDEN, message);

/** Invalid input: the message names every problem; `field` is the first one, `issues` lists them all. */
export const badUserInput = (issues: readonly FieldIssue[]): GatewayError =>
  new GatewayError(
    ErrorCodes.BAD_USER_INPUT,
    issues.map((issue) => `${issue.field}: ${issue.message}`).join('; '),
    {
      field: issues[0]?.field ?? null,
      issues,
    },
  );

export const notFound = (code: string, message: string): GatewayError => new GatewayError(code, message);
