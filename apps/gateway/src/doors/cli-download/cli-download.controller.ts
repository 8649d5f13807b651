import { Controller, Get, Inject, Res } from '@nestjs/common';
import { findCliPackage } from './cli-package';

export const CLI_PACKAGE_DIR = Symbol('CLI_PACKAGE_DIR');

interface DownloadResponse {
  status(code: number): DownloadResponse;
  setHeader(name: string, value: string): unknown;
  send(body: Buffer | string): unknown;
  json(body: unknown): unknown;
}

/**
 * `GET /cli/tminus-cli.tgz`: the CLI package matching this gateway, so a pipeline needs no registry:
 * `npm install -g "$TMINUS_URL/cli/tminus-cli.tgz"`. No token: the CLI is not a secret (like the web
 * app's assets), and a pipeline installs it before it has anything to authenticate.
 */
@Controller('cli')
export class CliDownloadController {
  constructor(@Inject(CLI_PACKAGE_DIR) private readonly dir: string) {}

  @Get('tminus-cli.tgz')
  async download(@Res() response: DownloadResponse): Promise<void> {
    const found = await findCliPackage(this.dir);
    if (found === null) {
      response.status(404).json({
        error: {
          code: 'NOT_FOUND',
          message:
            'The CLI package is not built on this gateway: run `npm run cli:pack` (the container images include it)',
        },
      });
      return;
    }
    response.setHeader('Content-Type', 'application/gzip');
    response.setHeader('Content-Disposition', `attachment; filename="${found.fileName}"`);
    // Revalidated on every install, so a pipeline picks up the CLI of an upgraded gateway.
    response.setHeader('Cache-Control', 'no-cache');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.status(200).send(found.bytes);
  }
}
