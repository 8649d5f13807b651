import { readFileSync } from 'node:fs';

/**
 * User + system CPU time of one process (seconds) from /proc/<pid>/stat. Fields 14 and 15 count
 * clock ticks; the name field (2) may hold spaces and parentheses, so parse after its last ')'.
 */
export function parseProcStat(stat: string, ticksPerSecond = 100): number {
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // rest[0] is field 3 (state): utime is field 14 → rest[11], stime field 15 → rest[12].
  const utime = Number(rest[11]);
  const stime = Number(rest[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime))
    throw new Error('unexpected /proc/<pid>/stat format');
  return (utime + stime) / ticksPerSecond;
}

/** CPU seconds used so far by `pid` (Linux); undefined where /proc is missing or the process is gone. */
export function cpuSecondsOf(pid: number): number | undefined {
  try {
    return parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Starts a CPU meter over some processes; `stop()` gives each one's share of a core over the window. */
export function startCpuMeter(processes: Readonly<Record<string, number | undefined>>) {
  const started = performance.now();
  const before = Object.entries(processes).map(([name, pid]) => ({
    name,
    pid,
    cpu: pid === undefined ? undefined : cpuSecondsOf(pid),
  }));
  return {
    stop(): { process: string; percentOfCore: number }[] {
      const wallSeconds = (performance.now() - started) / 1000;
      return before.flatMap(({ name, pid, cpu }) => {
        const after = pid === undefined ? undefined : cpuSecondsOf(pid);
        if (cpu === undefined || after === undefined || wallSeconds <= 0) return [];
        return [{ process: name, percentOfCore: ((after - cpu) / wallSeconds) * 100 }];
      });
    },
  };
}
