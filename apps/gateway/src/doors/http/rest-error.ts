import { DomainError, ErrorCodes } from '@tminus/contracts';

/** `{ error: { code, message } }`: what every non-decision answer of the REST endpoints carries. */
export interface RestErrorBody {
  readonly error: { readonly code: string; readonly message: string };
}

/** The HTTP status of a stable error code: clients branch on the code, proxies and logs on the status. */
export function httpStatusOf(code: string): number {
  switch (code) {
    case ErrorCodes.UNAUTHENTICATED:
      return 401;
    case ErrorCodes.FORBIDDEN:
      return 403;
    case ErrorCodes.BAD_USER_INPUT:
      return 400;
    case ErrorCodes.PAYLOAD_TOO_LARGE:
      return 413;
    case ErrorCodes.RATE_LIMITED:
      return 429;
    case ErrorCodes.NOT_FOUND:
      return 404;
    case ErrorCodes.INTERNAL:
      return 500;
    default:
      // Rule codes are SERVICE.REASON; *.NOT_FOUND ones are 404s, the rest an input the rules refuse.
      if (code.endsWith('.NOT_FOUND') || code.endsWith('_NOT_FOUND')) return 404;
      return code.includes('.') ? 422 : 500;
  }
}

export const restError = (code: string, message: string): RestErrorBody => ({ error: { code, message } });

/** The status and body for any error: a DomainError keeps its code, anything else is INTERNAL (and logged). */
export function toRestError(error: unknown): { status: number; body: RestErrorBody; internal: boolean } {
  if (error instanceof DomainError) {
    return { status: httpStatusOf(error.code), body: restError(error.code, error.message), internal: false };
  }
  return {
    status: 500,
    body: restError(ErrorCodes.INTERNAL, 'The gateway failed to answer; the failure is logged'),
    internal: true,
  };
}
