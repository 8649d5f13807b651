import { Catch, HttpException, Inject, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { ErrorCodes } from '@tminus/contracts';
import type { Logger } from 'pino';
import { restError, toRestError, type RestErrorBody } from './rest-error';

/** The part of express' Response the filter touches. */
interface JsonResponse {
  status(code: number): JsonResponse;
  json(body: unknown): unknown;
  headersSent?: boolean;
}

const codeOfHttpStatus = (status: number): string =>
  status === 413
    ? ErrorCodes.PAYLOAD_TOO_LARGE
    : status === 404
      ? ErrorCodes.NOT_FOUND
      : status < 500
        ? ErrorCodes.BAD_USER_INPUT
        : ErrorCodes.INTERNAL;

/** The pino logger the filter reports unexpected errors to (provided by the module that uses the filter). */
export const REST_ERROR_LOGGER = Symbol('REST_ERROR_LOGGER');

/**
 * Answers every error of the REST controllers as `{ error: { code, message } }` with the status of its
 * code (Nest's own HTTP errors, e.g. a malformed JSON body, get one too). Unknown errors are logged.
 */
@Catch()
export class RestErrorFilter implements ExceptionFilter {
  constructor(@Inject(REST_ERROR_LOGGER) private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<JsonResponse>();
    if (response.headersSent) return;
    let status: number;
    let body: RestErrorBody;
    if (error instanceof HttpException) {
      status = error.getStatus();
      body = restError(codeOfHttpStatus(status), error.message);
    } else {
      const mapped = toRestError(error);
      if (mapped.internal) this.logger.error({ err: error }, 'REST request failed');
      ({ status, body } = mapped);
    }
    response.status(status).json(body);
  }
}
