import { cpuSecondsOf, parseProcStat, startCpuMeter } from './cpu';

describe('per-process CPU', () => {
  it('reads utime + stime from /proc/<pid>/stat, even with a name holding spaces and parentheses', () => {
    const fields = Array.from({ length: 50 }, (_, i) => String(i + 3)); // field numbers 3…52
    fields[11] = '250'; // utime (field 14)
    fields[12] = '50'; // stime (field 15)
    expect(parseProcStat(`1234 (node (x) y) ${fields.join(' ')}`)).toBe(3);
  });

  it('rejects a line it cannot read rather than inventing a figure', () => {
    expect(() => parseProcStat('1234 (node)')).toThrow('unexpected');
  });

  it('measures this process and skips processes that are gone', () => {
    if (cpuSecondsOf(process.pid) === undefined) return; // no /proc here
    const meter = startCpuMeter({ self: process.pid, gone: 2 ** 22 + 1, unknown: undefined });
    const until = Date.now() + 50;
    while (Date.now() < until); // burn CPU for 50 ms
    const shares = meter.stop();
    expect(shares.map((s) => s.process)).toEqual(['self']);
    expect(shares[0].percentOfCore).toBeGreaterThan(0);
  });
});
