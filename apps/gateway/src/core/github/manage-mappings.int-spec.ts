import { ErrorCodes } from '@tminus/contracts';
import { createTestDatabase } from '@tminus/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { principal } from '../gates/testing/gate-fixtures';
import { launchView } from '../read-model/domain/testing/views';
import { openReadModelDatabase, type ReadModelDb } from '../read-model/store/database';
import { EnvironmentMappings } from './environment-mappings';
import { ensureGithubSchema } from './github-schema';
import { authorizeMappings, ManageMappings } from './manage-mappings';

const LAUNCH = launchView({ id: '6f1c1c2e-8f0a-4d4e-9a53-3f1f0e1d2c3b', key: 'checkout-v2' });
const queries = {
  launch: async (ref: string) => (ref === LAUNCH.id || ref === LAUNCH.key ? LAUNCH : null),
};

describe.each(['sqlite', 'postgres'] as const)('GitHub environment mappings (%s)', (dialect) => {
  let db: ReadModelDb;
  let cleanUp: () => Promise<void>;
  let manage: ManageMappings;
  const manager = principal('LAUNCH_MANAGER', 'max');

  beforeEach(async () => {
    if (dialect === 'sqlite') {
      const dir = mkdtempSync(join(tmpdir(), 'tminus-mappings-'));
      db = await openReadModelDatabase({ type: 'sqlite', path: join(dir, 'gateway.sqlite') });
      cleanUp = async () => rmSync(dir, { recursive: true, force: true });
    } else {
      const testDb = await createTestDatabase('github_mappings');
      db = await openReadModelDatabase({ type: 'postgres', url: testDb.url, poolSize: 2 });
      cleanUp = () => testDb.drop();
    }
    await ensureGithubSchema(db);
    await ensureGithubSchema(db); // a second start finds the tables there
    manage = new ManageMappings(
      new EnvironmentMappings(db),
      queries,
      () => new Date('2026-02-15T12:00:00.000Z'),
    );
  });

  afterEach(async () => {
    await db.close();
    await cleanUp();
  });

  it('maps by launch key, stores the launch id, finds it case-insensitively, and replaces it', async () => {
    const mapped = await manage.map(manager, {
      repository: 'Acme/Checkout',
      environment: 'Production',
      launchId: 'checkout-v2',
    });
    expect(mapped).toEqual({
      repository: 'acme/checkout',
      environment: 'production',
      environmentName: 'Production',
      launchId: LAUNCH.id,
      launchKey: 'checkout-v2',
      gateEnvironment: 'production',
      createdAt: '2026-02-15T12:00:00.000Z',
      createdBy: 'max',
    });
    const store = new EnvironmentMappings(db);
    expect(await store.find('ACME/checkout', 'PRODUCTION')).toMatchObject({ launchId: LAUNCH.id });
    await manage.map(manager, {
      repository: 'acme/checkout',
      environment: 'production',
      launchId: LAUNCH.id,
      gateEnvironment: 'prod-eu',
    });
    expect(await manage.list({ launchId: 'checkout-v2' })).toEqual([
      expect.objectContaining({ gateEnvironment: 'prod-eu' }),
    ]);
    expect(await manage.list({ repository: 'other/repo' })).toEqual([]);
  });

  it('unmaps, saying whether there was a mapping', async () => {
    await manage.map(manager, {
      repository: 'acme/checkout',
      environment: 'production',
      launchId: LAUNCH.id,
    });
    await expect(manage.unmap({ repository: 'acme/checkout', environment: 'Production' })).resolves.toBe(
      true,
    );
    await expect(manage.unmap({ repository: 'acme/checkout', environment: 'production' })).resolves.toBe(
      false,
    );
    expect(await manage.list({})).toEqual([]);
  });

  it.each([
    [{ repository: 'acme', environment: 'production', launchId: 'checkout-v2' }, ErrorCodes.BAD_USER_INPUT],
    [{ repository: 'acme/checkout', environment: '', launchId: 'checkout-v2' }, ErrorCodes.BAD_USER_INPUT],
    [
      { repository: 'acme/checkout', environment: 'Prod (EU)', launchId: 'checkout-v2' },
      ErrorCodes.BAD_USER_INPUT,
    ],
    [
      { repository: 'acme/checkout', environment: 'production', launchId: 'nope' },
      ErrorCodes.LAUNCH_NOT_FOUND,
    ],
  ])('refuses %p with %s', async (input, code) => {
    await expect(manage.map(manager, input)).rejects.toMatchObject({ code });
    expect(await manage.list({})).toEqual([]);
  });

  it('accepts a GitHub environment name that is no tminus name when the gate environment is given', async () => {
    const mapped = await manage.map(manager, {
      repository: 'acme/checkout',
      environment: 'Prod (EU)',
      launchId: 'checkout-v2',
      gateEnvironment: 'production',
    });
    expect(mapped).toMatchObject({ environmentName: 'Prod (EU)', gateEnvironment: 'production' });
  });
});

describe('authorizeMappings', () => {
  it.each(['ADMIN', 'LAUNCH_MANAGER'] as const)('lets %s manage mappings', (role) => {
    expect(authorizeMappings(principal(role), 'mapGithubEnvironment').role).toBe(role);
  });

  it.each(['TEAM_MEMBER', 'PIPELINE'] as const)('forbids %s', (role) => {
    expect(() => authorizeMappings(principal(role), 'mapGithubEnvironment')).toThrow(
      expect.objectContaining({ code: ErrorCodes.FORBIDDEN }),
    );
  });

  it('needs a token', () => {
    expect(() => authorizeMappings(null, 'githubEnvironmentMappings')).toThrow(
      expect.objectContaining({ code: ErrorCodes.UNAUTHENTICATED }),
    );
  });
});
