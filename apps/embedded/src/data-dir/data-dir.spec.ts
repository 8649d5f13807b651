import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { layoutOf, prepareDataDir } from './data-dir';

describe('prepareDataDir', () => {
  let parent: string;
  beforeEach(() => (parent = mkdtempSync(join(tmpdir(), 'tminus-data-'))));
  afterEach(() => rmSync(parent, { recursive: true, force: true }));

  const modeOf = (path: string): number => statSync(path).mode & 0o777;

  it('creates a missing directory, nested, readable only by its owner', () => {
    const dir = join(parent, 'a', 'data');
    const prepared = prepareDataDir(dir);

    expect(prepared).toMatchObject({ created: true, tightened: false });
    expect(modeOf(dir)).toBe(0o700);
    expect(prepared.layout).toEqual(layoutOf(dir));
  });

  it('narrows an existing directory open to others', () => {
    const dir = join(parent, 'data');
    mkdirSync(dir);
    chmodSync(dir, 0o755);

    expect(prepareDataDir(dir)).toMatchObject({ created: false, tightened: true });
    expect(modeOf(dir)).toBe(0o700);
  });

  it('leaves a private directory as it is', () => {
    const dir = join(parent, 'data');
    mkdirSync(dir, { mode: 0o700 });
    chmodSync(dir, 0o700);

    expect(prepareDataDir(dir)).toMatchObject({ created: false, tightened: false });
  });

  it('places one database per service and one for the bus in the directory', () => {
    const layout = layoutOf(join(parent, 'data'));
    expect([layout.launchesDb, layout.teamsDb, layout.checklistsDb, layout.gatewayDb, layout.busDb]).toEqual(
      ['launches.db', 'teams.db', 'checklists.db', 'gateway.db', 'bus.db'].map((f) =>
        join(parent, 'data', f),
      ),
    );
  });
});
