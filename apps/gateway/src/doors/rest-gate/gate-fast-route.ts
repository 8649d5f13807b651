import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import { inSpan, tracingRequested } from '@tminus/tracing';
import type { Logger } from 'pino';
import type { Authenticator } from '../../core/auth/authenticator';
import type { CheckGate } from '../../core/gates/check-gate';
import type { FastRoute, RouteHandler } from '../http/ahead-of-nest';
import { toRestError } from '../http/rest-error';
import { writeGateAnswer } from './gate-answer';

export const GATE_ROUTE = '/v1/gates/:launch';

/**
 * A gate URL served ahead of Nest: exactly `/v1/gates/<one segment>` and a query, with none of the
 * characters after which Express parses (parseurl falls back to url.parse) or routes differently
 * (another segment, a trailing slash, a fragment, white space). Those, and any other spelling Express
 * would still route here (`/V1/GATES/x`, `/v1/gates/x/`), go to Nest's route as before.
 */
const PLAIN_GATE_URL = /^\/v1\/gates\/[^/?#\s]+(?:\?[^#\s]*)?$/;
const PREFIX_LENGTH = '/v1/gates/'.length;

/** What Nest's route would have been given: the decoded `:launch` param and `query.environment`. */
export interface GateRequest {
  readonly launch: string;
  readonly environment: unknown;
}

/** Body-parser reads a body whenever one of these is present: such requests go through Express. */
const hasBody = (request: IncomingMessage): boolean =>
  request.headers['transfer-encoding'] !== undefined || request.headers['content-length'] !== undefined;

/** The request as Nest's gate route would see it, or null when it must be left to Express. */
export function gateRequestOf(request: IncomingMessage): GateRequest | null {
  const url = request.url ?? '';
  if (request.method !== 'GET' || !PLAIN_GATE_URL.test(url) || hasBody(request)) return null;
  const mark = url.indexOf('?');
  const segment = mark === -1 ? url.slice(PREFIX_LENGTH) : url.slice(PREFIX_LENGTH, mark);
  let launch = segment;
  if (segment.includes('%')) {
    try {
      launch = decodeURIComponent(segment);
    } catch {
      return null; // Express answers a param it cannot decode itself
    }
  }
  // Express 5's default ('simple') query parser is node:querystring's parse.
  const environment = mark === -1 ? undefined : parseQuery(url.slice(mark + 1)).environment;
  return { launch, environment };
}

/**
 * `GET /v1/gates/:launch` on the HTTP server itself (see serveAheadOfNest): the same CheckGate,
 * authenticator, status codes, headers and bodies as GatesController with its RestErrorFilter,
 * without a framework's per-request work.
 */
export class GateFastRoute implements FastRoute {
  readonly pattern = GATE_ROUTE;

  constructor(
    private readonly authenticator: Pick<Authenticator, 'authenticate'>,
    private readonly checkGate: Pick<CheckGate, 'check'>,
    private readonly logger: Logger,
    /** With tracing on, each answer gets a span named by the route (as Express's instrumentation gave it). */
    private readonly traced: boolean = tracingRequested(process.env),
  ) {}

  match(request: IncomingMessage): RouteHandler | null {
    const asked = gateRequestOf(request);
    if (asked === null) return null;
    return (_request, response) => {
      const answer = () => this.answer(asked, request.headers.authorization, response);
      // Even a no-op span costs a context switch per request (≈5% of the gate's CPU time): only when traced.
      return this.traced
        ? inSpan(`GET ${GATE_ROUTE}`, { attributes: { 'http.route': GATE_ROUTE } }, answer)
        : answer();
    };
  }

  /** As RestErrorFilter: a DomainError keeps its code and status; anything else is a logged 500. */
  fail(response: ServerResponse, error: unknown): void {
    if (response.headersSent) return;
    const { status, body, internal } = toRestError(error);
    if (internal) this.logger.error({ err: error }, 'REST request failed');
    response.statusCode = status;
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    response.end(JSON.stringify(body));
  }

  private async answer(
    asked: GateRequest,
    authorization: string | undefined,
    response: ServerResponse,
  ): Promise<void> {
    try {
      const principal = await this.authenticator.authenticate(authorization);
      writeGateAnswer(response, await this.checkGate.check(principal, asked.launch, asked.environment));
    } catch (error) {
      this.fail(response, error);
    }
  }
}
