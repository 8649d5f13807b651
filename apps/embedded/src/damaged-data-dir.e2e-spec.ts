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
  let original: string;
  let launchId: string;
  const processes: EmbeddedProcess[] = [];

  beforeAll(async () => {
    parent = mkdtempSync(join(tmpdir(), 'tminus-damaged-'));
    original = join(parent, 'original');
    const running = await EmbeddedProcess.start({ dataDir: original, env: { LOG_LEVEL: 'warn' } });
    processes.push(running);
    const client = new GraphqlClient({ url: running.graphqlUrl, token: await running.adminToken() });
    ({ launchId } = await createChecklistFixture(client, ['an item']));
    expect(await running.kill('SIGTERM')).toBe(0);
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

  it.each<[string, string, Damage]>([
    ['checklists.db', 'truncated', truncate],
    ['launches.db', 'deleted', remove],
    ['gateway.db', 'truncated', truncate],
    ['teams.db', 'corrupted', corruptHeader],
    ['bus.db', 'deleted', remove],
  ])('refuses to start when %s was %s, naming the file', async (file, _how, damage) => {
    const dataDir = copyOfOriginal();
    damage(join(dataDir, file));

    const refused = EmbeddedProcess.spawn({ dataDir, port: await freePort(), env: { LOG_LEVEL: 'warn' } });
    processes.push(refused);

    expect(await refused.whenExited()).toBe(2);
    const refusal = refused
      .logs()
      .split('\n')
      .filter((line) => line.includes('refusing to start'));
    expect(refusal).toHaveLength(1);
    expect(refusal[0]).toContain(`tminus: refusing to start: ${join(dataDir, file)} `);
    expect(refusal[0]).toContain('restore it from a backup');
  });
});
