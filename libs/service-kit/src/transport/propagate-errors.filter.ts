import { Catch, type RpcExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';

/**
 * Nest's default RPC filter turns every error into `{ status: 'error', message: 'Internal server
 * error' }`. The bus transport needs the error itself: the reliable consumer decides by its type
 * whether to retry or dead-letter, and the dead letter records its message.
 */
@Catch()
export class PropagateErrorsFilter implements RpcExceptionFilter<unknown> {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}
