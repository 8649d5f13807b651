import {
  Controller,
  Get,
  Headers,
  Inject,
  NotFoundException,
  Param,
  Res,
  StreamableFile,
} from '@nestjs/common';
import type { BuiltWebApp } from './web-app-files';
import { renderUnavailablePage, WEB_APP_CSP } from './web-app-page';

export const WEB_APP = Symbol('WEB_APP');

/** The built app, or why there is none. */
export type WebAppState = { readonly app: BuiltWebApp } | { readonly unavailable: string };

/** The part of the HTTP response the controller sets (Express's response has it). */
export interface ResponseHeaders {
  status(code: number): unknown;
  setHeader(name: string, value: string): unknown;
}

/** Asset names carry a content hash: a new build has new names, so they may be cached for a year. */
const CACHE_ASSETS = 'public, max-age=31536000, immutable';

/**
 * The web app at `/`: index.html for `/` and every `/launches/...` path (the app routes in the browser),
 * its hashed files under `/assets/`. Nothing else, so `/graphql`, `/graphiql`, `/health`, `/metrics` and
 * `/v1/...` stay the API's.
 */
@Controller()
export class WebAppController {
  constructor(@Inject(WEB_APP) private readonly state: WebAppState) {}

  @Get()
  root(@Res({ passthrough: true }) response: ResponseHeaders): string {
    return this.index(response);
  }

  @Get(['launches', 'launches/*path'])
  launches(@Res({ passthrough: true }) response: ResponseHeaders): string {
    return this.index(response);
  }

  @Get('assets/:name')
  asset(
    @Param('name') name: string,
    @Res({ passthrough: true }) response: ResponseHeaders,
    @Headers('accept-encoding') acceptEncoding?: string,
  ): StreamableFile {
    const file = 'app' in this.state ? this.state.app.assets.get(name) : undefined;
    if (file === undefined) throw new NotFoundException(`No asset named ${name}`);
    response.setHeader('Cache-Control', CACHE_ASSETS);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Vary', 'Accept-Encoding');
    const gzip = /\bgzip\b/.test(acceptEncoding ?? '');
    if (gzip) response.setHeader('Content-Encoding', 'gzip');
    const body = gzip ? file.gzipped : file.body;
    return new StreamableFile(body, { type: file.contentType, length: body.length });
  }

  private index(response: ResponseHeaders): string {
    response.setHeader('Content-Type', 'text/html; charset=utf-8');
    response.setHeader('Cache-Control', 'no-cache');
    response.setHeader('Content-Security-Policy', WEB_APP_CSP);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'no-referrer');
    if ('app' in this.state) return this.state.app.indexHtml;
    response.status(503);
    return renderUnavailablePage(this.state.unavailable);
  }
}
