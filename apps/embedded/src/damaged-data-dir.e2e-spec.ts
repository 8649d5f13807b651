import { cpSync, mkdtempSync, openSync, closeSync, rmSync, truncateSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedProcess, freePort } from './client/embedded-process';
import { GraphqlClient } from './client/graphql-client';
import { createChecklistFixture } from './testing/launch-fixture';

type Damage = (file: string) => void;

const truncate: Damage = (file) => truncateSync(file, 0);
const remove: Damage = (file) => rmSync(file);
const corruptHeader: Damage = (file) => {
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, Buffer.from('not a database any more'), 0, undefined, 0);
  } finally {
    closeSync(fd);
  }
};

/**
 * The real process on a data directory with a store file lost or damaged: it must refuse to start
 * (exit 2) with one line naming the file, never start on an empty store; and start again once the
 * directory is whole.
 */
describe('embedded mode: a damaged data directory is refused', () => {
  let parent: string;
  /** The data directory after a first session; {@link later} is the same directory after a second. */
  let original: string;
  let later: string;
  let launchId: string;
  const processes: EmbeddedProcess[] = [];

  const session = async (dataDir: string, work: (client: GraphqlClient) => Promise<void>) => {
    const running = await EmbeddedProcess.start({ dataDir, env: { LOG_LEVEL: 'warn' } });
    processes.push(running);
    await work(new GraphqlClient({ url: running.graphqlUrl, token: await running.adminToken() }));
    expect(await running.kill('SIGTERM')).toBe(0);
  };

  beforeAll(async () => {
    parent = mkdtempSync(join(tmpdir(), 'tminus-damaged-'));
    original = join(parent, 'original');
    later = join(parent, 'later');
    await session(original, async (client) => {
      ({ launchId } = await createChecklistFixture(client, ['an item']));
    });
    cpSync(original, later, { recursive: true });
    await session(later, async (client) => {
      await client.request('mutation T($input: CreateTeamInput!) { createTeam(input: $input) { id } }', {
        input: { key: 'later-team', name: 'Later team', function: 'OTHER' },
      });
    });
  });
  afterEach(async () => {
    await Promise.all(processes.splice(0).map((p) => p.kill('SIGKILL')));
  });
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  let copies = 0;
  const copyOfOriginal = (): string => {
    const copy = join(parent, `copy-${++copies}`);
    cpSync(original, copy, { recursive: true });
    return copy;
  };

  it('starts again on the whole directory, with its data', async () => {
    const running = await EmbeddedProcess.start({ dataDir: copyOfOriginal(), env: { LOG_LEVEL: 'warn' } });
    processes.push(running);
    const client = new GraphqlClient({ url: running.graphqlUrl, token: await running.adminToken() });
    const { launch } = await client.request<{ launch: { id: string } | null }>(
      'query L($id: ID!) { launch(id: $id) { id } }',
      { id: launchId },
    );
    expect(launch).toEqual({ id: launchId });
  });

  const expectRefusal = async (dataDir: string, file: string): Promise<string> => {
    const refused = EmbeddedProcess.spawn({ dataDir, port: await freePort(), env: { LOG_LEVEL: 'warn' } });
    processes.push(refused);
    expect(await refused.whenExited()).toBe(2);
    const refusal = refused
      .logs()
      .split('\n')
      .filter((line) => line.includes('refusing to start'));
    expect(refusal).toHaveLength(1);
    expect(refusal[0]).toContain(`tminus: refusing to start: ${join(dataDir, file)} `);
    return refusal[0];
  };

  it('refuses a read model restored from a later copy than the event stores', async () => {
    const dataDir = copyOfOriginal();
    cpSync(join(later, 'gateway.db'), join(dataDir, 'gateway.db'));
    expect(await expectRefusal(dataDir, 'gateway.db')).toContain('is ahead of the event stores');
  });

  it.each<[string, string, Damage]>([
    ['checklists.db', 'truncated', truncate],
    ['launches.db', 'deleted', remove],
    ['gateway.db', 'truncated', truncate],
    ['teams.db', 'corrupted', corruptHeader],
    ['bus.db', 'deleted', remove],
  ])('refuses to start when %s was %s, naming the file', async (file, _how, damage) => {
    const dataDir = copyOfOriginal();
    damage(join(dataDir, file));
    expect(await expectRefusal(dataDir, file)).toContain('restore it from a backup');
  });
});
