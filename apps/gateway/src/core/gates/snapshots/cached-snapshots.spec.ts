import type { LaunchSnapshot } from '../../read-model/queries/launch-snapshot';
import { launchView } from '../../read-model/domain/testing/views';
import { CachedSnapshots, type SnapshotSource } from './cached-snapshots';

const LAUNCH_A = '00000000-0000-4000-8000-00000000000a';
const LAUNCH_B = '00000000-0000-4000-8000-00000000000b';

const snapshot = (id: string, key: string, position: number): LaunchSnapshot => ({
  launch: launchView({ id, key }),
  checklists: [],
  teams: [],
  position: String(position),
});

/** A source whose reads are counted, answering from `current`; `during` runs inside a read. */
function setUp() {
  const current = new Map<string, LaunchSnapshot>([
    [LAUNCH_A, snapshot(LAUNCH_A, 'checkout-v2', 1)],
    [LAUNCH_B, snapshot(LAUNCH_B, 'search', 1)],
  ]);
  let reads = 0;
  let during: (() => void) | null = null;
  const source: SnapshotSource = {
    launchSnapshot: async (ref) => {
      reads += 1;
      const found = [...current.values()].find((s) => s.launch.id === ref || s.launch.key === ref) ?? null;
      during?.();
      return found;
    },
  };
  let emit: (launchId: string | null) => void = () => undefined;
  const cache = new CachedSnapshots(source, (listener) => {
    emit = listener;
    return () => (emit = () => undefined);
  });
  return {
    cache,
    current,
    reads: () => reads,
    change: (launchId: string | null) => emit(launchId),
    duringRead: (work: (() => void) | null) => (during = work),
  };
}

describe('CachedSnapshots', () => {
  it('reads a launch once, then answers from memory, by key as by id', async () => {
    const t = setUp();
    expect((await t.cache.launchSnapshot('checkout-v2'))?.launch.id).toBe(LAUNCH_A);
    expect((await t.cache.launchSnapshot('checkout-v2'))?.launch.id).toBe(LAUNCH_A);
    expect(t.reads()).toBe(1);
    await t.cache.launchSnapshot(LAUNCH_A);
    await t.cache.launchSnapshot(LAUNCH_A);
    expect(t.reads()).toBe(2);
  });

  it('reads a launch again after the feed says it changed, and keeps the other launches', async () => {
    const t = setUp();
    await t.cache.launchSnapshot('checkout-v2');
    await t.cache.launchSnapshot('search');
    t.current.set(LAUNCH_A, snapshot(LAUNCH_A, 'checkout-v2', 7));
    t.change(LAUNCH_A);
    expect((await t.cache.launchSnapshot('checkout-v2'))?.position).toBe('7');
    await t.cache.launchSnapshot('search');
    expect(t.reads()).toBe(3);
  });

  it('forgets every launch on a change that may concern any (a team)', async () => {
    const t = setUp();
    await t.cache.launchSnapshot('checkout-v2');
    await t.cache.launchSnapshot('search');
    t.change(null);
    await t.cache.launchSnapshot('checkout-v2');
    await t.cache.launchSnapshot('search');
    expect(t.reads()).toBe(4);
  });

  it('does not keep a read that raced with a change of its launch (it may predate the change)', async () => {
    const t = setUp();
    t.duringRead(() => t.change(LAUNCH_A));
    await t.cache.launchSnapshot('checkout-v2');
    t.duringRead(null);
    await t.cache.launchSnapshot('checkout-v2');
    await t.cache.launchSnapshot('checkout-v2');
    expect(t.reads()).toBe(2);
  });

  it('keeps a read that raced only with another launch’s change', async () => {
    const t = setUp();
    t.duringRead(() => t.change(LAUNCH_B));
    await t.cache.launchSnapshot('checkout-v2');
    t.duringRead(null);
    await t.cache.launchSnapshot('checkout-v2');
    expect(t.reads()).toBe(1);
  });

  it('hears of a change told after the question was asked in the same turn (listener order)', async () => {
    const t = setUp();
    await t.cache.launchSnapshot('checkout-v2');
    t.current.set(LAUNCH_A, snapshot(LAUNCH_A, 'checkout-v2', 9));
    const asked = t.cache.launchSnapshot('checkout-v2');
    t.change(LAUNCH_A);
    expect((await asked)?.position).toBe('9');
  });

  it('never keeps an unknown launch (it may be created at any moment)', async () => {
    const t = setUp();
    expect(await t.cache.launchSnapshot('nope')).toBeNull();
    expect(await t.cache.launchSnapshot('nope')).toBeNull();
    expect(t.reads()).toBe(2);
  });
});
