import { createServer, type Server } from 'node:net';
import { describeListenError, hostSetting, ListenError, listenOrExplain } from './listen-address';

const errno = (code: string): NodeJS.ErrnoException => Object.assign(new Error(code), { code });

describe('HOST', () => {
  it('defaults to loopback and accepts addresses and names', () => {
    expect(hostSetting.parse(undefined)).toBe('127.0.0.1');
    expect(hostSetting.parse('0.0.0.0')).toBe('0.0.0.0');
    expect(hostSetting.parse('::')).toBe('::');
    expect(hostSetting.parse('gateway.internal')).toBe('gateway.internal');
  });

  it('refuses a URL or an address with a port', () => {
    expect(hostSetting.safeParse('http://0.0.0.0').success).toBe(false);
    expect(hostSetting.safeParse('0.0.0.0 4000').success).toBe(false);
  });
});

describe('describeListenError', () => {
  it('names the address and the setting that fixes each listen problem', () => {
    expect(describeListenError(errno('EADDRINUSE'), '127.0.0.1', 4000)).toBe(
      '127.0.0.1:4000 is already in use: stop what listens there or set PORT to another port',
    );
    expect(describeListenError(errno('EACCES'), '0.0.0.0', 80)).toContain('set PORT to 1024 or higher');
    expect(describeListenError(errno('EADDRNOTAVAIL'), '10.9.9.9', 4000)).toContain('set HOST');
    expect(describeListenError(errno('EADDRINUSE'), '::1', 4000)).toContain('[::1]:4000');
  });

  it('leaves other errors alone', () => {
    expect(describeListenError(new Error('boom'), '127.0.0.1', 4000)).toBeNull();
    expect(describeListenError(errno('ECONNREFUSED'), '127.0.0.1', 4000)).toBeNull();
  });
});

describe('listenOrExplain', () => {
  let busy: Server;
  let port: number;
  beforeAll(async () => {
    busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    port = (busy.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => busy.close(() => resolve())));

  it('turns a real busy port into a ListenError with one line', async () => {
    const second = createServer();
    const attempt = listenOrExplain(
      '127.0.0.1',
      port,
      () =>
        new Promise<void>((resolve, reject) => {
          second.once('error', reject);
          second.listen(port, '127.0.0.1', resolve);
        }),
    );
    await expect(attempt).rejects.toThrow(ListenError);
    await expect(attempt).rejects.toThrow(`127.0.0.1:${port} is already in use`);
  });

  it('passes other failures through unchanged', async () => {
    const failure = new Error('database down');
    await expect(listenOrExplain('127.0.0.1', 1, () => Promise.reject(failure))).rejects.toBe(failure);
  });
});
