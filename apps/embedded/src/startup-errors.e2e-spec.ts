import { createServer, type Server } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedProcess } from './client/embedded-process';

/** Start-up problems a newcomer meets: one line naming the problem and the setting, exit code 2. */
describe('embedded mode: start-up problems', () => {
  let parent: string;
  let busy: Server;
  let busyPort: number;

  beforeAll(async () => {
    parent = mkdtempSync(join(tmpdir(), 'tminus-startup-errors-'));
    busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    busyPort = (busy.address() as { port: number }).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => busy.close(() => resolve()));
    rmSync(parent, { recursive: true, force: true });
  });

  const startOn = async (env: Record<string, string>, port: number) => {
    const running = EmbeddedProcess.spawn({ dataDir: join(parent, `data-${port}-${Date.now()}`), port, env });
    const code = await running.whenExited();
    const stderrLines = running
      .logs()
      .split('\n')
      .filter((line) => line.startsWith('tminus:'));
    return { code, stderrLines, logs: running.logs() };
  };

  it('a busy port: one line naming the address and PORT, exit 2, no stack trace', async () => {
    const { code, stderrLines, logs } = await startOn({ LOG_LEVEL: 'warn' }, busyPort);
    expect(code).toBe(2);
    expect(stderrLines).toEqual([
      `tminus: 127.0.0.1:${busyPort} is already in use: stop what listens there or set PORT to another port`,
    ]);
    expect(logs).not.toMatch(/\n\s+at /);
  });

  it('an address that is not this machine: one line naming HOST, exit 2', async () => {
    // 192.0.2.0/24 is TEST-NET-1 (RFC 5737): never assigned to a host, so listening there fails at once.
    const { code, stderrLines } = await startOn({ LOG_LEVEL: 'warn', HOST: '192.0.2.1' }, busyPort);
    expect(code).toBe(2);
    expect(stderrLines).toHaveLength(1);
    expect(stderrLines[0]).toMatch(/^tminus: 192\.0\.2\.1:\d+ is not an address of this machine: set HOST/);
  });
});
