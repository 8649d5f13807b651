import { createReadStream } from 'node:fs';
import {
  Controller,
  Get,
  Header,
  Inject,
  NotFoundException,
  Param,
  Res,
  StreamableFile,
} from '@nestjs/common';
import type { LocatedAssets } from './graphiql-assets';
import {
  GRAPHIQL_BOOT_SCRIPT,
  GRAPHIQL_PAGE_CSS,
  renderGraphiqlPage,
  renderMissingAssetsPage,
  type GraphiqlPageOptions,
} from './graphiql-page';

export const GRAPHIQL_OPTIONS = Symbol('GRAPHIQL_OPTIONS');
export const GRAPHIQL_ASSETS_LOCATED = Symbol('GRAPHIQL_ASSETS_LOCATED');

/** The part of the HTTP response the controller sets (Express's response has it). */
export interface ResponseHeaders {
  status(code: number): unknown;
  setHeader(name: string, value: string): unknown;
}

/** Generated files: the page's own script and style, kept out of the HTML so it needs no inline code. */
const GENERATED: Readonly<Record<string, { body: string; contentType: string }>> = {
  'graphiql-boot.js': { body: GRAPHIQL_BOOT_SCRIPT, contentType: 'text/javascript; charset=utf-8' },
  'graphiql-page.css': { body: GRAPHIQL_PAGE_CSS, contentType: 'text/css; charset=utf-8' },
};

/** Immutable for the life of an installation; an upgrade restarts the server and the page reloads. */
const CACHE_ASSETS = 'public, max-age=3600';

/**
 * GraphiQL for humans, served from this server's own node_modules: the page needs no CDN and no
 * token (the token goes into GraphiQL's header editor and is only sent to /graphql).
 */
@Controller('graphiql')
export class GraphiqlController {
  constructor(
    @Inject(GRAPHIQL_OPTIONS) private readonly options: GraphiqlPageOptions,
    @Inject(GRAPHIQL_ASSETS_LOCATED) private readonly assets: LocatedAssets,
  ) {}

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-cache')
  page(@Res({ passthrough: true }) response: ResponseHeaders): string {
    if (this.assets.missingPackages.length > 0) {
      response.status(503);
      return renderMissingAssetsPage(this.assets.missingPackages);
    }
    return renderGraphiqlPage(this.options);
  }

  @Get('assets/:name')
  asset(
    @Param('name') name: string,
    @Res({ passthrough: true }) response: ResponseHeaders,
  ): StreamableFile | string {
    response.setHeader('Cache-Control', CACHE_ASSETS);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    const generated = GENERATED[name];
    if (generated !== undefined) {
      response.setHeader('Content-Type', generated.contentType);
      return generated.body;
    }
    // Only the listed files: the name never becomes a path.
    const file = this.assets.files.get(name);
    if (file === undefined) throw new NotFoundException(`No GraphiQL asset named ${name}`);
    return new StreamableFile(createReadStream(file.path), { type: file.asset.contentType });
  }
}
