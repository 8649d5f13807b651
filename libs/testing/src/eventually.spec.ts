import { eventually, isPresent } from './eventually';

describe('eventually', () => {
  it('returns the first value the acceptance holds for', async () => {
    let calls = 0;
    const value = await eventually(
      () => ++calls,
      (n) => n >= 3,
      { intervalMs: 1 },
    );
    expect(value).toBe(3);
  });

  it('by default waits for a present value (not undefined, null or false)', async () => {
    const values = [undefined, null, false, 'ready'];
    expect(await eventually(() => values.shift(), undefined, { intervalMs: 1 })).toBe('ready');
    expect([0, '', 'x'].map(isPresent)).toEqual([true, true, true]);
  });

  it('fails after the timeout, naming what it waited for and the last value', async () => {
    await expect(
      eventually(
        async () => ({ rows: 0 }),
        (value) => value.rows > 0,
        { what: 'a row', timeoutMs: 20, intervalMs: 5 },
      ),
    ).rejects.toThrow('Timed out after 20 ms waiting for a row; last value: {"rows":0}');
  });

  it('returns the last value instead when asked to', async () => {
    expect(
      await eventually(
        () => 1,
        (n) => n > 1,
        { timeoutMs: 10, intervalMs: 5, orLast: true },
      ),
    ).toBe(1);
  });
});
