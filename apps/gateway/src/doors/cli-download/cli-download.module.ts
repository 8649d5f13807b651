import { Module } from '@nestjs/common';
import { CLI_PACKAGE_DIR, CliDownloadController } from './cli-download.controller';
import { cliPackageDir } from './cli-package';

/** Serves the packed CLI (`GET /cli/tminus-cli.tgz`) from TMINUS_CLI_DIR (default apps/cli/dist). */
@Module({
  controllers: [CliDownloadController],
  providers: [{ provide: CLI_PACKAGE_DIR, useFactory: () => cliPackageDir(process.env) }],
})
export class CliDownloadModule {}
