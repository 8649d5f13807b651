import { Body, Controller, Headers, HttpCode, Inject, Post, UseFilters } from '@nestjs/common';
import { authorize } from '../../core/auth/access-control';
import type { Authenticator } from '../../core/auth/authenticator';
import { RestErrorFilter } from '../http/rest-error.filter';
import { parseCheckRequest } from '../../core/checks/check-request';
import { RecordChecks, type CheckResponseBody } from '../../core/checks/record-checks';

export const CHECKS_AUTHENTICATOR = Symbol('CHECKS_AUTHENTICATOR');

/**
 * `POST /v1/checks` for pipelines: `{ launch, check, status: passed|failed, url? }` → 200 with the
 * items touched; 404 CHECK_NOT_FOUND / LAUNCH.NOT_FOUND; 400 BAD_USER_INPUT; 401; 403 (not PIPELINE/ADMIN).
 */
@Controller('v1/checks')
@UseFilters(RestErrorFilter)
export class ChecksController {
  constructor(
    @Inject(CHECKS_AUTHENTICATOR) private readonly authenticator: Pick<Authenticator, 'authenticate'>,
    @Inject(RecordChecks) private readonly checks: RecordChecks,
  ) {}

  @Post()
  @HttpCode(200)
  async record(
    @Body() body: unknown,
    @Headers('authorization') authorization: string | undefined,
  ): Promise<CheckResponseBody> {
    // Who asks comes first: an anonymous or unauthorized caller learns nothing about the body's problems.
    const principal = authorize(await this.authenticator.authenticate(authorization), 'recordCheckResult');
    return this.checks.record(principal, parseCheckRequest(body));
  }
}
