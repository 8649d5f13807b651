import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { ADMIN_TOKEN_FILE, bootstrapAdminToken } from './admin-bootstrap';
import { hashToken } from './api-token';
import { MemoryTokenStore } from './testing-token-store';
import { TokenService } from './token-service';

describe('the first ADMIN token', () => {
  let dataDir: string;
  let lines: string[];
  const logger = () => pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });

  beforeEach(() => {
    dataDir = join(mkdtempSync(join(tmpdir(), 'tminus-bootstrap-')), 'nested', 'data');
    lines = [];
  });
  afterEach(() => rmSync(join(dataDir, '..', '..'), { recursive: true, force: true }));

  it('is generated once, written with mode 0600, and only its path is logged', async () => {
    const store = new MemoryTokenStore();
    const tokens = new TokenService(store, () => new Date());
    const file = await bootstrapAdminToken({ tokens, dataDir, logger: logger() });
    expect(file).toBe(join(dataDir, ADMIN_TOKEN_FILE));
    const token = readFileSync(file as string, 'utf8').trim();
    expect(token).toMatch(/^tm_/);
    expect(statSync(file as string).mode & 0o777).toBe(0o600);
    expect(store.rows).toHaveLength(1);
    expect(store.rows[0]).toMatchObject({ role: 'ADMIN', tokenHash: hashToken(token) });
    const log = lines.join('');
    expect(log).toContain(file as string);
    expect(log).not.toContain(token);

    await expect(bootstrapAdminToken({ tokens, dataDir, logger: logger() })).resolves.toBeNull();
    expect(store.rows).toHaveLength(1);
  });

  it('is not generated when TMINUS_ADMIN_TOKEN is set', async () => {
    const store = new MemoryTokenStore();
    const tokens = new TokenService(store, () => new Date());
    await expect(
      bootstrapAdminToken({ tokens, dataDir, adminToken: 'x'.repeat(32), logger: logger() }),
    ).resolves.toBeNull();
    expect(store.rows).toHaveLength(0);
  });
});
