import { Controller, Headers, HttpCode, Inject, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ErrorCodes, type IncidentSource } from '@tminus/contracts';
import type { Logger } from 'pino';
import { REST_ERROR_LOGGER, RestErrorFilter } from '../http/rest-error.filter';
import { restError } from '../http/rest-error';
import { parseAlertmanagerNotification } from '../../core/incidents/domain/alertmanager-payload';
import { parseGenericAlert } from '../../core/incidents/domain/generic-payload';
import type { ParsedDelivery } from '../../core/incidents/domain/normalized-alert';
import { parsePagerDutyDelivery } from '../../core/incidents/domain/pagerduty-payload';
import {
  isValidBearer,
  isValidPagerDutySignature,
  isValidTminusSignature,
} from '../../core/incidents/domain/signatures';
import { IncidentIngestService } from './incident-ingest.service';

/** Nest keeps the unparsed body when the app is created with `{ rawBody: true }`. */
interface RawBodyRequest {
  readonly rawBody?: Buffer;
}

interface JsonResponse {
  status(code: number): JsonResponse;
}

/** PagerDuty and generic deliveries are one incident each: far below this. */
const MAX_SINGLE_ALERT_BYTES = 256 * 1024;

interface Delivery {
  readonly source: IncidentSource;
  /** The configured secret; null answers 404 (the endpoint does not exist on this gateway). */
  readonly secret: string | null;
  readonly maxBytes: number | null;
  readonly authentic: (secret: string, raw: Buffer) => boolean;
  readonly parse: (body: unknown) => ParsedDelivery;
  readonly credential: string;
}

/**
 * `POST /v1/incidents/{pagerduty,alertmanager,generic}`: alerts of on-call tools, authenticated before
 * anything is parsed (signatures over the raw bytes, compared in constant time), then recorded as
 * incidents of the launch their service is mapped to. Answers 202 with what became of each alert.
 */
@Controller('v1/incidents')
@UseFilters(RestErrorFilter)
export class IncidentWebhooksController {
  constructor(
    @Inject(IncidentIngestService) private readonly ingest: IncidentIngestService,
    @Inject(REST_ERROR_LOGGER) private readonly logger: Logger,
  ) {}

  @Post('pagerduty')
  @HttpCode(202)
  pagerduty(
    @Req() request: RawBodyRequest,
    @Headers('x-pagerduty-signature') signature: string | undefined,
    @Res({ passthrough: true }) response: JsonResponse,
  ): Promise<object> {
    return this.receive(request, response, {
      source: 'PAGERDUTY',
      secret: this.ingest.config.pagerDutySecret,
      maxBytes: MAX_SINGLE_ALERT_BYTES,
      authentic: (secret, raw) => isValidPagerDutySignature(secret, raw, signature),
      parse: parsePagerDutyDelivery,
      credential: 'X-PagerDuty-Signature',
    });
  }

  @Post('alertmanager')
  @HttpCode(202)
  alertmanager(
    @Req() request: RawBodyRequest,
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) response: JsonResponse,
  ): Promise<object> {
    return this.receive(request, response, {
      source: 'ALERTMANAGER',
      secret: this.ingest.config.alertmanagerToken,
      // Grouped notifications may be large: the gateway's body limit applies.
      maxBytes: null,
      authentic: (token) => isValidBearer(token, authorization),
      parse: parseAlertmanagerNotification,
      credential: 'Authorization: Bearer',
    });
  }

  @Post('generic')
  @HttpCode(202)
  generic(
    @Req() request: RawBodyRequest,
    @Headers('x-tminus-signature-256') signature: string | undefined,
    @Res({ passthrough: true }) response: JsonResponse,
  ): Promise<object> {
    return this.receive(request, response, {
      source: 'GENERIC',
      secret: this.ingest.config.genericSecret,
      maxBytes: MAX_SINGLE_ALERT_BYTES,
      authentic: (secret, raw) => isValidTminusSignature(secret, raw, signature),
      parse: parseGenericAlert,
      credential: 'X-Tminus-Signature-256',
    });
  }

  private async receive(
    request: RawBodyRequest,
    response: JsonResponse,
    delivery: Delivery,
  ): Promise<object> {
    if (delivery.secret === null) {
      response.status(404);
      return restError(ErrorCodes.NOT_FOUND, 'Not found');
    }
    const raw = Buffer.isBuffer(request.rawBody) ? request.rawBody : null;
    if (delivery.maxBytes !== null && raw !== null && raw.length > delivery.maxBytes) {
      response.status(413);
      return restError(
        ErrorCodes.PAYLOAD_TOO_LARGE,
        `The body is larger than ${delivery.maxBytes / 1024} KiB`,
      );
    }
    // No raw body: not JSON (the only body the gateway reads), so nothing a signature could cover.
    if (raw === null || !delivery.authentic(delivery.secret, raw)) {
      this.ingest.metrics.count(delivery.source, 'unauthorized');
      this.logger.warn(
        { source: delivery.source },
        'incident webhook with a missing or wrong credential refused',
      );
      response.status(401);
      return restError(
        ErrorCodes.UNAUTHENTICATED,
        `${delivery.credential} is missing or does not match (deliveries must be application/json)`,
      );
    }
    const parsed = delivery.parse(parseJson(raw));
    if (parsed.kind === 'invalid') {
      this.ingest.metrics.count(delivery.source, 'invalid');
      response.status(400);
      return restError(ErrorCodes.BAD_USER_INPUT, parsed.message);
    }
    if (parsed.kind === 'ignored') {
      this.ingest.metrics.count(delivery.source, 'ignored_event');
      return { status: 'ignored', reason: parsed.reason };
    }
    return { status: 'accepted', alerts: await this.ingest.alerts.ingest(parsed.alerts) };
  }
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    return null;
  }
}
