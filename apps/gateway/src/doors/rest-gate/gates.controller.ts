import { Controller, Get, Headers, Inject, Param, Query, Res, UseFilters } from '@nestjs/common';
import type { Authenticator } from '../../core/auth/authenticator';
import { CheckGate } from '../../core/gates/check-gate';
import { writeGateAnswer, type RawResponse } from './gate-answer';
import { RestErrorFilter } from '../http/rest-error.filter';

export const GATES_AUTHENTICATOR = Symbol('GATES_AUTHENTICATOR');

/**
 * `GET /v1/gates/:launch?environment=NAME` for pipelines: 200 ALLOWED, 412 DENIED, the same body;
 * errors as `{ error: { code, message } }` (401, 403, 404, 400). A running gateway serves the plain
 * requests ahead of Nest's router (GateFastRoute); this route answers the rest (HEAD, a body, a
 * path Express normalises) exactly as before.
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
    writeGateAnswer(response, await this.checkGate.check(principal, launch, environment));
  }
}
