import { Controller, Get, Headers, Inject, Param, Query, Res, UseFilters } from '@nestjs/common';
import type { Authenticator } from '../../core/auth/authenticator';
import { CheckGate } from '../../core/gates/check-gate';
import { GATE_STATUS, toGateResponse, type GateResponseBody } from './gate-response';
import { RestErrorFilter } from '../http/rest-error.filter';

export const GATES_AUTHENTICATOR = Symbol('GATES_AUTHENTICATOR');

interface RawResponse {
  statusCode: number;
  setHeader(name: string, value: string): unknown;
  end(body: string): unknown;
}

/**
 * `GET /v1/gates/:launch?environment=NAME` for pipelines: 200 ALLOWED, 412 DENIED, the same body;
 * errors as `{ error: { code, message } }` (401, 403, 404, 400).
 */
@Controller('v1/gates')
@UseFilters(RestErrorFilter)
export class GatesController {
  constructor(
    @Inject(GATES_AUTHENTICATOR) private readonly authenticator: Pick<Authenticator, 'authenticate'>,
    @Inject(CheckGate) private readonly checkGate: CheckGate,
  ) {}

  @Get(':launch')
  async gate(
    @Param('launch') launch: string,
    @Query('environment') environment: unknown,
    @Headers('authorization') authorization: string | undefined,
    @Res() response: RawResponse,
  ): Promise<void> {
    const principal = await this.authenticator.authenticate(authorization);
    const evaluation = await this.checkGate.check(principal, launch, environment);
    const body: GateResponseBody = toGateResponse(evaluation);
    // Written directly: Express's res.json would hash every body for an ETag that `no-store` makes useless.
    response.statusCode = GATE_STATUS[evaluation.decision];
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    // A decision is about one moment: no proxy or client may answer the next question with it.
    response.setHeader('Cache-Control', 'no-store');
    response.end(JSON.stringify(body));
  }
}
