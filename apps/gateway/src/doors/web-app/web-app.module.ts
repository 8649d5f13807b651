import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Logger, Module, type DynamicModule } from '@nestjs/common';
import { ensureWebAppBuilt } from './web-app-build';
import { locateWebApp, readBuiltWebApp, type WebAppLocation } from './web-app-files';
import { WEB_APP, WebAppController, type WebAppState } from './web-app.controller';

export interface WebAppModuleOptions {
  /** Where the app's sources and build are (tests); default: `apps/web` of this checkout. */
  readonly location?: WebAppLocation | null;
}

const load = async (location: WebAppLocation | null): Promise<WebAppState> => {
  if (location === null) return { unavailable: 'its sources (apps/web) are not next to this server' };
  const logger = new Logger('WebApp');
  try {
    if ((await ensureWebAppBuilt(location)) === 'built')
      logger.log(`built the web app into ${location.distDir}`);
    return { app: readBuiltWebApp(location.distDir) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    // An older build beats no app at all (e.g. a read-only install whose sources changed).
    if (existsSync(join(location.distDir, 'index.html'))) {
      logger.warn(`the web app could not be rebuilt (${reason}); serving the build that is there`);
      return { app: readBuiltWebApp(location.distDir) };
    }
    logger.error(`the web app could not be built: ${reason}`);
    return { unavailable: reason };
  }
};

/**
 * The web app (apps/web) at `/`, built at start when its build is missing or stale. A failed build
 * is reported by the page, never by a crash. Import `WebAppModule.register()` in the root module.
 */
@Module({})
export class WebAppModule {
  static register(options: WebAppModuleOptions = {}): DynamicModule {
    return {
      module: WebAppModule,
      controllers: [WebAppController],
      providers: [
        {
          provide: WEB_APP,
          useFactory: () => load(options.location === undefined ? locateWebApp() : options.location),
        },
      ],
    };
  }
}
