import type { IncomingMessage } from 'node:http';
import { GRAPHQL_PATH } from '../graphql-options';

/**
 * The content types read here exactly as body-parser's `json` reads them (UTF-8, no other parameter).
 * Others (another charset, a `+json` type, form or multipart bodies) go to Express and Apollo as before.
 */
const PLAIN_JSON = new Set([
  'application/json',
  'application/json; charset=utf-8',
  'application/json;charset=utf-8',
]);

const DIGITS = /^[0-9]+$/;

/**
 * The body length of a `POST /graphql` the fast route serves exactly as Express, body-parser and
 * Apollo's Express integration would, or null to leave the request to them: a plain JSON body of a
 * declared length within `maxBodyBytes`, not compressed, not chunked, no upgrade, the path exactly
 * `/graphql` (no query string, no trailing slash). An empty or oversize body, GET, multipart and the
 * rest keep their unchanged answers from Express (413 and the like come from its body parser).
 */
export function graphqlPostLength(request: IncomingMessage, maxBodyBytes: number): number | null {
  if (request.method !== 'POST' || request.url !== GRAPHQL_PATH) return null;
  const headers = request.headers;
  if (
    headers['transfer-encoding'] !== undefined ||
    headers['content-encoding'] !== undefined ||
    headers.upgrade !== undefined
  ) {
    return null;
  }
  const type = headers['content-type'];
  if (type === undefined || !PLAIN_JSON.has(type.toLowerCase())) return null;
  const declared = headers['content-length'];
  if (declared === undefined || !DIGITS.test(declared)) return null;
  const length = Number(declared);
  return length > 0 && length <= maxBodyBytes ? length : null;
}
