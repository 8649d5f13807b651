import { Controller, Headers, HttpCode, Inject, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ErrorCodes } from '@tminus/contracts';
import type { Logger } from 'pino';
import { REST_ERROR_LOGGER, RestErrorFilter } from '../../http/rest-error.filter';
import { restError } from '../../http/rest-error';
import { DeploymentReviewer } from '../pending/deployment-reviewer';
import { parseWebhook } from './protection-rule-event';
import { isValidSignature } from './signature';

/** The webhook secret (null: not configured, the endpoint answers 503). */
export const GITHUB_WEBHOOK_SECRET = Symbol('GITHUB_WEBHOOK_SECRET');

const GITHUB_NOT_CONFIGURED = 'GITHUB.NOT_CONFIGURED';

/** Nest keeps the unparsed body when the app is created with `{ rawBody: true }`. */
interface RawBodyRequest {
  readonly rawBody?: Buffer;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

/** Only JSON bodies are kept raw (the gateway parses JSON only); GitHub delivers application/json. */
const isJson = (request: RawBodyRequest): boolean => {
  const type = request.headers['content-type'];
  return typeof type === 'string' && /^application\/([\w.+-]+\+)?json\b/i.test(type.trim());
};

interface JsonResponse {
  status(code: number): JsonResponse;
}

/**
 * `POST /v1/github/webhook`: GitHub's custom deployment protection rule. The signature is checked on
 * the raw bytes before anything is read or stored; a review request is stored and answered later
 * (GitHub wants its 2xx within 10 s), other events are acknowledged and ignored.
 */
@Controller('v1/github')
@UseFilters(RestErrorFilter)
export class GithubWebhookController {
  constructor(
    @Inject(GITHUB_WEBHOOK_SECRET) private readonly secret: string | null,
    @Inject(DeploymentReviewer) private readonly reviewer: DeploymentReviewer,
    @Inject(REST_ERROR_LOGGER) private readonly logger: Logger,
  ) {}

  @Post('webhook')
  @HttpCode(202)
  async webhook(
    @Req() request: RawBodyRequest,
    @Headers('x-hub-signature-256') signature: string | undefined,
    @Headers('x-github-event') event: string | undefined,
    @Headers('x-github-delivery') delivery: string | undefined,
    @Res({ passthrough: true }) response: JsonResponse,
  ): Promise<object> {
    if (this.secret === null) {
      response.status(503);
      return restError(GITHUB_NOT_CONFIGURED, 'GITHUB_WEBHOOK_SECRET is not set on this gateway');
    }
    const raw = request.rawBody;
    // Not JSON: no webhook of ours, and nothing to check a signature against. Refused like a bad one.
    if (!Buffer.isBuffer(raw) && !isJson(request)) return this.unauthenticated(response, delivery, event);
    if (!Buffer.isBuffer(raw)) {
      this.logger.error('the GitHub webhook needs the raw body: create the Nest app with { rawBody: true }');
      response.status(500);
      return restError(
        ErrorCodes.INTERNAL,
        'The gateway cannot verify webhook signatures (raw body unavailable)',
      );
    }
    if (!isValidSignature(this.secret, raw, signature))
      return this.unauthenticated(response, delivery, event);
    if (event === 'ping') {
      response.status(200);
      return { status: 'pong' };
    }
    const parsed = parseWebhook(event, parseJson(raw));
    if (parsed.kind === 'ignored') return { status: 'ignored', reason: parsed.reason };
    if (parsed.kind === 'invalid') {
      response.status(400);
      return restError(ErrorCodes.BAD_USER_INPUT, parsed.message);
    }
    const pending = await this.reviewer.request(parsed.request);
    return { status: 'accepted', id: pending.id, state: pending.state };
  }

  private unauthenticated(response: JsonResponse, delivery?: string, event?: string): object {
    this.logger.warn({ delivery, event }, 'GitHub webhook with a missing or wrong signature refused');
    response.status(401);
    return restError(
      ErrorCodes.UNAUTHENTICATED,
      'X-Hub-Signature-256 is missing or does not match the body (deliveries must be application/json)',
    );
  }
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    return null;
  }
}
