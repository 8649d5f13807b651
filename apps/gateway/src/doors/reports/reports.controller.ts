import { Controller, Get, Headers, Inject, Param, Query, Res, UseFilters } from '@nestjs/common';
import { ErrorCodes } from '@tminus/contracts';
import { authorize } from '../../core/auth/access-control';
import type { Authenticator } from '../../core/auth/authenticator';
import { badUserInput, notFound } from '../../core/errors/gateway-error';
import { RestErrorFilter } from '../http/rest-error.filter';
import type { LaunchSnapshot } from '../../core/read-model/queries/launch-snapshot';
import { buildLaunchReport } from '../../core/reports/launch-report';
import { renderCsv, renderMarkdown } from '../../core/reports/render-report';

export const REPORTS_AUTHENTICATOR = Symbol('REPORTS_AUTHENTICATOR');
/** `(launch key or id) → snapshot`, and the clock the report is computed at. */
export const REPORTS_SOURCE = Symbol('REPORTS_SOURCE');

export interface ReportsSource {
  readonly snapshot: (launch: string) => Promise<LaunchSnapshot | null>;
  readonly now: () => Date;
}

interface HeaderResponse {
  setHeader(name: string, value: string): unknown;
}

const FORMATS = {
  md: { type: 'text/markdown; charset=utf-8', render: renderMarkdown },
  csv: { type: 'text/csv; charset=utf-8', render: renderCsv },
} as const;

/** `GET /v1/launches/:launch/report?format=md|csv` (default md): any role that may read launches. */
@Controller('v1/launches')
@UseFilters(RestErrorFilter)
export class ReportsController {
  constructor(
    @Inject(REPORTS_AUTHENTICATOR) private readonly authenticator: Pick<Authenticator, 'authenticate'>,
    @Inject(REPORTS_SOURCE) private readonly source: ReportsSource,
  ) {}

  @Get(':launch/report')
  async report(
    @Param('launch') launch: string,
    @Query('format') format: unknown,
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) response: HeaderResponse,
  ): Promise<string> {
    authorize(await this.authenticator.authenticate(authorization), 'read');
    const chosen = format === undefined ? 'md' : format;
    if (chosen !== 'md' && chosen !== 'csv')
      throw badUserInput([{ field: 'format', message: 'must be "md" or "csv"' }]);
    const snapshot = await this.source.snapshot(launch);
    if (snapshot === null)
      throw notFound(ErrorCodes.LAUNCH_NOT_FOUND, `No launch with key or id "${launch}"`);
    const { type, render } = FORMATS[chosen];
    response.setHeader('Content-Type', type);
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    // The key is a slug: safe in a header and a file name.
    response.setHeader('Content-Disposition', `inline; filename="${snapshot.launch.key}-report.${chosen}"`);
    return render(buildLaunchReport(snapshot, this.source.now()));
  }
}
