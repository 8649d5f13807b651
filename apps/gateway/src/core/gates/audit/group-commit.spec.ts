import { GroupCommit } from './group-commit';

const deferred = () => {
  let release!: () => void;
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { promise, release };
};

describe('GroupCommit', () => {
  it('commits an item at once when idle, then everything that arrived meanwhile in one commit', async () => {
    const commits: number[][] = [];
    const first = deferred();
    const log = new GroupCommit<number>(async (items) => {
      commits.push([...items]);
      if (commits.length === 1) await first.promise;
    });
    const added = [log.add(1), log.add(2), log.add(3), log.add(4)];
    expect(commits).toEqual([[1]]);
    first.release();
    await Promise.all(added);
    expect(commits).toEqual([[1], [2, 3, 4]]);
  });

  it('settles an item only after its own commit', async () => {
    const gate = deferred();
    const log = new GroupCommit<string>(() => gate.promise);
    let settled = false;
    const added = log.add('a').then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    gate.release();
    await added;
    expect(settled).toBe(true);
  });

  it('rejects every item of a failed commit, and commits later items anew', async () => {
    let calls = 0;
    const log = new GroupCommit<string>(async () => {
      calls += 1;
      if (calls === 1) throw new Error('disk full');
    });
    await expect(log.add('a')).rejects.toThrow('disk full');
    await expect(log.add('b')).resolves.toBeUndefined();
  });

  it('caps a group at maxGroup items', async () => {
    const sizes: number[] = [];
    const log = new GroupCommit<number>(async (items) => void sizes.push(items.length), 2);
    await Promise.all([1, 2, 3, 4, 5].map((n) => log.add(n)));
    expect(sizes).toEqual([1, 2, 2]);
  });

  it('flushed() waits for the commits in flight', async () => {
    const gate = deferred();
    const committed: string[] = [];
    const log = new GroupCommit<string>(async (items) => {
      await gate.promise;
      committed.push(...items);
    });
    void log.add('x');
    const flushed = log.flushed();
    gate.release();
    await flushed;
    expect(committed).toEqual(['x']);
  });
});
