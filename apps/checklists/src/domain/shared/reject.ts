import { DomainError, type ErrorCode } from '@tminus/contracts';

/**
 * Throws the rule violation. A function declaration (not an arrow) so TypeScript's control flow
 * treats `if (...) reject(...)` as the end of that path and narrows after it.
 */
export function reject(code: ErrorCode, message: string): never {
  throw new DomainError(code, message);
}
