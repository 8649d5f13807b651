import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CliDownloadController } from './cli-download.controller';
import { cliPackageDir, findCliPackage } from './cli-package';

function recorder() {
  const sent: { status?: number; headers: Record<string, string>; body?: unknown } = { headers: {} };
  const response = {
    status(code: number) {
      sent.status = code;
      return response;
    },
    setHeader(name: string, value: string) {
      sent.headers[name] = value;
    },
    send(body: Buffer | string) {
      sent.body = body;
    },
    json(body: unknown) {
      sent.body = body;
    },
  };
  return { response, sent };
}

describe('GET /cli/tminus-cli.tgz', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'tminus-cli-dl-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('serves the newest packed tarball, revalidated on every install', async () => {
    writeFileSync(join(dir, 'tminus-cli-0.1.0.tgz'), 'old');
    utimesSync(join(dir, 'tminus-cli-0.1.0.tgz'), new Date('2026-01-01'), new Date('2026-01-01'));
    writeFileSync(join(dir, 'tminus-cli-0.2.0.tgz'), 'new');
    writeFileSync(join(dir, 'tminus.js'), 'not a tarball');
    const { response, sent } = recorder();
    await new CliDownloadController(dir).download(response);
    expect(sent.status).toBe(200);
    expect(String(sent.body)).toBe('new');
    expect(sent.headers).toMatchObject({
      'Content-Type': 'application/gzip',
      'Content-Disposition': 'attachment; filename="tminus-cli-0.2.0.tgz"',
      'Cache-Control': 'no-cache',
    });
  });

  it('answers 404 saying how to build it when nothing was packed', async () => {
    const { response, sent } = recorder();
    await new CliDownloadController(join(dir, 'missing')).download(response);
    expect(sent.status).toBe(404);
    expect(sent.body).toMatchObject({
      error: { code: 'NOT_FOUND', message: expect.stringContaining('npm run cli:pack') },
    });
  });

  it('looks in TMINUS_CLI_DIR, else apps/cli/dist under the working directory', async () => {
    expect(cliPackageDir({}, '/app')).toBe('/app/apps/cli/dist');
    expect(cliPackageDir({ TMINUS_CLI_DIR: '/opt/cli' }, '/app')).toBe('/opt/cli');
    expect(await findCliPackage(dir)).toBeNull();
  });
});
