import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { NotFoundException } from '@nestjs/common';
import { builtSourceHash, readBuiltWebApp, SOURCE_HASH_FILE, webAppSourceHash } from './web-app-files';
import { WebAppController, type ResponseHeaders } from './web-app.controller';

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

describe('the web app', () => {
  let dir: string;
  beforeEach(() => {
    // A stand-in apps/web: sources and a build.
    dir = mkdtempSync(join(tmpdir(), 'web-app-'));
    mkdirSync(join(dir, 'src'));
    mkdirSync(join(dir, 'dist', 'assets'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), '<div id="root"></div>');
    writeFileSync(join(dir, 'vite.config.mts'), 'export default {};');
    writeFileSync(join(dir, 'src', 'main.tsx'), 'render();');
    writeFileSync(join(dir, 'dist', 'index.html'), '<script src="/assets/index-abc.js"></script>');
    writeFileSync(join(dir, 'dist', 'assets', 'index-abc.js'), 'console.log(1)');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const controller = () => new WebAppController({ app: readBuiltWebApp(join(dir, 'dist')) });

  it('serves index.html uncached, with a CSP that allows only this origin', () => {
    const response = new RecordingResponse();
    expect(controller().launches(response)).toContain('/assets/index-abc.js');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'self'.*script-src 'self'/);
  });

  it('serves hashed assets with a year-long cache, and nothing that is not in the build', () => {
    const response = new RecordingResponse();
    const file = controller().asset('index-abc.js', response);
    expect(file.getHeaders().type).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-encoding')).toBeUndefined();
    const zipped = new RecordingResponse();
    const small = controller().asset('index-abc.js', zipped, 'gzip, deflate, br');
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(small.getStream().read() as Buffer).toString()).toBe('console.log(1)');
    expect(() => controller().asset('..%2Findex.html', new RecordingResponse())).toThrow(NotFoundException);
  });

  it('answers 503 with the reason when the app could not be built', () => {
    const response = new RecordingResponse();
    const page = new WebAppController({ unavailable: 'vite is not installed' }).root(response);
    expect(response.statusCode).toBe(503);
    expect(page).toContain('vite is not installed');
  });

  it('knows a build is stale once a source changes', () => {
    const before = webAppSourceHash(dir);
    writeFileSync(join(dir, 'dist', SOURCE_HASH_FILE), `${before}\n`);
    expect(builtSourceHash(join(dir, 'dist'))).toBe(before);
    writeFileSync(join(dir, 'src', 'main.tsx'), 'render(<App />);');
    expect(webAppSourceHash(dir)).not.toBe(before);
  });
});
