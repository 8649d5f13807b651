import { GroupCommit } from './group-commit';

const deferred = () => {
  let release!: () => void;
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { promise, release };
};

describe('GroupCommit', () => {
  it('commits every item added in the same turn of the event loop in one commit', async () => {
    const commits: number[][] = [];
    const log = new GroupCommit<number>(async (items) => void commits.push([...items]));
    const added = [log.add(1), log.add(2), log.add(3)];
    // Nothing yet: the commit waits until this turn's I/O callbacks (the other requests) have run.
    expect(commits).toEqual([]);
    await Promise.all(added);
    expect(commits).toEqual([[1, 2, 3]]);
  });

  it('commits what arrives during a commit together in the next one', async () => {
    const commits: number[][] = [];
    const first = deferred();
    const log = new GroupCommit<number>(async (items) => {
      commits.push([...items]);
      if (commits.length === 1) await first.promise;
    });
    const one = log.add(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(commits).toEqual([[1]]);
    const later = [log.add(2), log.add(3), log.add(4)];
    first.release();
    await Promise.all([one, ...later]);
    expect(commits).toEqual([[1], [2, 3, 4]]);
  });

  it('commits items of different turns apart when idle (no timer holds the first)', async () => {
    const commits: number[][] = [];
    const log = new GroupCommit<number>(async (items) => void commits.push([...items]));
    await log.add(1);
    await log.add(2);
    expect(commits).toEqual([[1], [2]]);
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
    expect(sizes).toEqual([2, 2, 1]);
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
