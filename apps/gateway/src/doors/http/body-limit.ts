import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCodes } from '@tminus/contracts';

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

interface ParserError {
  readonly status?: number;
  readonly type?: string;
}

/** A body error as GraphQL-shaped JSON (the fast GraphQL route answers its body errors with it too). */
export const sendJsonError = (
  response: ServerResponse,
  status: number,
  code: string,
  message: string,
): void => {
  response.statusCode = status;
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  response.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
};

const sendTooLarge = (response: ServerResponse, maxBytes: number): void =>
  sendJsonError(
    response,
    413,
    ErrorCodes.PAYLOAD_TOO_LARGE,
    `The request body is larger than the ${Math.round(maxBytes / 1024)} KiB allowed`,
  );

export const sendNotJson = (response: ServerResponse): void =>
  sendJsonError(response, 400, 'BAD_REQUEST', 'The request body is not valid JSON');

export const sendUnreadable = (response: ServerResponse, status: number): void =>
  sendJsonError(response, status, 'BAD_REQUEST', 'The request body could not be read (check its encoding)');

/**
 * Express error middleware for the JSON body parser's failures: a body over the limit answers 413
 * PAYLOAD_TOO_LARGE, a body that is not JSON (or unreadable) 4xx BAD_REQUEST, all as GraphQL-shaped JSON.
 * (Express recognises error middleware by its four parameters.)
 */
export function bodyParserErrors(maxBytes: number) {
  return (
    error: unknown,
    _request: IncomingMessage,
    response: ServerResponse,
    next: (error?: unknown) => void,
  ) => {
    const parserError = (typeof error === 'object' && error !== null ? error : {}) as ParserError;
    if (parserError.type === 'entity.too.large' || parserError.status === 413) {
      sendTooLarge(response, maxBytes);
      return;
    }
    if (parserError.type === 'entity.parse.failed') {
      sendNotJson(response);
      return;
    }
    const status = parserError.status ?? 0;
    if (status >= 400 && status < 500) {
      sendUnreadable(response, status);
      return;
    }
    next(error);
  };
}
