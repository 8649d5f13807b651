import { GroupCommit } from './group-commit';

/** A committer that records its batches; items named `bad` make any batch holding them fail. */
function recorder() {
  const batches: string[][] = [];
  const commits = new GroupCommit<string, string>({
    commitBatch: async (items) => {
      batches.push([...items]);
      if (items.includes('bad')) throw new Error('batch failed');
      return items.map((item) => `${item}!`);
    },
    commitOne: async (item) => {
      batches.push([item]);
      if (item === 'bad') throw new Error('bad item');
      return `${item}!`;
    },
    maxBatch: 3,
  });
  return { batches, commits };
}

describe('GroupCommit', () => {
  it('given concurrent submissions, when committed, then they share one batch and each gets its own result', async () => {
    const { batches, commits } = recorder();
    const results = await Promise.all(['a', 'b', 'c'].map((item) => commits.submit(item)));
    expect(results).toEqual(['a!', 'b!', 'c!']);
    expect(batches).toEqual([['a', 'b', 'c']]);
  });

  it('given more than maxBatch waiting, when committed, then batches are bounded and keep arrival order', async () => {
    const { batches, commits } = recorder();
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((item) => commits.submit(item)));
    expect(batches).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e'],
    ]);
  });

  it('given a bad item in a batch, when committed, then only its submitter fails and the others commit alone', async () => {
    const { batches, commits } = recorder();
    const settled = await Promise.allSettled(['a', 'bad', 'c'].map((item) => commits.submit(item)));
    expect(settled.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(batches).toEqual([['a', 'bad', 'c'], ['a'], ['bad'], ['c']]);
  });

  it('given a submission while a batch commits, when it ends, then the newcomer goes in the next batch', async () => {
    const { batches, commits } = recorder();
    const first = commits.submit('a');
    await new Promise((resolve) => setImmediate(resolve));
    await Promise.all([first, commits.submit('b')]);
    expect(batches).toEqual([['a'], ['b']]);
  });
});
