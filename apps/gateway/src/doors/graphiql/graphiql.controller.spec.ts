import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { NotFoundException } from '@nestjs/common';
import { GRAPHIQL_ASSETS, locateGraphiqlAssets } from './graphiql-assets';
import { GraphiqlController, type ResponseHeaders } from './graphiql.controller';
import { DEFAULT_GRAPHIQL_OPTIONS } from './graphiql-page';

class RecordingResponse implements ResponseHeaders {
  statusCode = 200;
  readonly headers = new Map<string, string>();
  status(code: number): this {
    this.statusCode = code;
    return this;
  }
  setHeader(name: string, value: string): this {
    this.headers.set(name.toLowerCase(), value);
    return this;
  }
}

const readAll = async (stream: Readable): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
};

describe('GraphiqlController', () => {
  let packages: string;

  beforeAll(() => {
    // A stand-in node_modules: one folder per package with the files GraphiQL needs.
    packages = mkdtempSync(join(tmpdir(), 'graphiql-assets-'));
    for (const asset of GRAPHIQL_ASSETS) {
      const path = join(packages, asset.packageName, asset.file);
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, `/* ${asset.name} */`);
    }
  });
  afterAll(() => rmSync(packages, { recursive: true, force: true }));

  const installed = () => locateGraphiqlAssets((name) => join(packages, name));
  const controllerWith = (located = installed()) => new GraphiqlController(DEFAULT_GRAPHIQL_OPTIONS, located);

  it('serves a page that loads every script and style from this server, none from a CDN', () => {
    const response = new RecordingResponse();
    const html = controllerWith().page(response);

    expect(response.statusCode).toBe(200);
    const references = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(references.sort()).toEqual(
      [
        '/graphiql/assets/graphiql-boot.js',
        '/graphiql/assets/graphiql-page.css',
        '/graphiql/assets/graphiql.min.css',
        '/graphiql/assets/graphiql.min.js',
        '/graphiql/assets/react-dom.production.min.js',
        '/graphiql/assets/react.production.min.js',
      ].sort(),
    );
    expect(html).toContain('data-endpoint="/graphql"');
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
  });

  it('streams a packaged file with its content type', async () => {
    const response = new RecordingResponse();
    const file = controllerWith().asset('graphiql.min.js', response);

    expect(typeof file).not.toBe('string');
    if (typeof file === 'string') return;
    expect(file.getHeaders().type).toBe('text/javascript; charset=utf-8');
    expect(await readAll(file.getStream())).toBe('/* graphiql.min.js */');
  });

  it('serves the boot script that mounts GraphiQL with subscriptions and an Authorization header hint', () => {
    const response = new RecordingResponse();
    const script = controllerWith().asset('graphiql-boot.js', response);

    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script).toContain('subscriptionUrl');
    expect(script).toContain('Authorization');
    // It must at least parse: no browser runs in the unit tier.
    expect(() => new Function(String(script))).not.toThrow();
  });

  it('answers 404 for any name it does not list, paths included', () => {
    const controller = controllerWith();
    for (const name of ['../package.json', 'graphiql.js', 'react.development.js']) {
      expect(() => controller.asset(name, new RecordingResponse())).toThrow(NotFoundException);
    }
  });

  it('answers 503 naming the packages to install when they are missing', () => {
    const response = new RecordingResponse();
    const html = controllerWith(locateGraphiqlAssets(() => undefined)).page(response);

    expect(response.statusCode).toBe(503);
    expect(html).toContain('graphiql');
    expect(html).toContain('react-dom');
  });
});
