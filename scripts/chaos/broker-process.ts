import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isKafkaAnswering } from '../../libs/messaging/src/local-broker/kafka-broker';
import { eventually } from '../../test/e2e/support/eventually';
import { isProcessAlive, processCommandLine } from '../../libs/messaging/src/local-broker/process';

/**
 * The broker's JVM, found by the port it listens on (whoever started it: `npm run infra:up` in this
 * or another checkout). Only a process whose command line runs `kafka.Kafka` is ever signalled.
 */
export function kafkaBrokerPid(broker: string): number {
  const port = Number(broker.split(':').pop());
  const inodes = listeningInodes(port);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    if (!ownsSocket(entry, inodes)) continue;
    const pid = Number(entry);
    if (processCommandLine(pid)?.includes('kafka.Kafka')) return pid;
  }
  throw new Error(`No kafka.Kafka process listens on port ${port} here (is the broker local?)`);
}

/** Inodes of TCP sockets in LISTEN state (0A) on `port`, IPv4 and IPv6. */
function listeningInodes(port: number): Set<string> {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!existsSync(table)) continue;
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields.length > 9 && fields[1].endsWith(`:${hexPort}`) && fields[3] === '0A') inodes.add(fields[9]);
    }
  }
  return inodes;
}

function ownsSocket(pid: string, inodes: Set<string>): boolean {
  try {
    return readdirSync(`/proc/${pid}/fd`).some((fd) => {
      try {
        const link = readlinkSync(`/proc/${pid}/fd/${fd}`);
        return link.startsWith('socket:[') && inodes.has(link.slice(8, -1));
      } catch {
        return false;
      }
    });
  } catch {
    return false;
  }
}

const pausedBrokers = new Set<number>();
let safetyNetInstalled = false;

/** Whatever happens to this script, a broker it stopped is continued: other stacks share it. */
function installSafetyNet(): void {
  if (safetyNetInstalled) return;
  safetyNetInstalled = true;
  const resumeAll = (): void => {
    for (const pid of pausedBrokers) {
      try {
        process.kill(pid, 'SIGCONT');
      } catch {
        // Already gone.
      }
    }
  };
  process.on('exit', resumeAll);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      resumeAll();
      process.exit(130);
    });
  }
}

/** SIGSTOP: the broker stops answering without closing a connection (a hung broker, a GC pause). */
export function pauseBroker(pid: number): void {
  installSafetyNet();
  pausedBrokers.add(pid);
  process.kill(pid, 'SIGSTOP');
}

export function resumeBroker(pid: number): void {
  process.kill(pid, 'SIGCONT');
  pausedBrokers.delete(pid);
}

/**
 * Stops the broker (SIGTERM, a controlled shutdown) and starts it again with the same command line in
 * the same directory, detached; rewrites `kafka.pid` there when `npm run infra:up` left one. Returns
 * the new pid once the broker answers again.
 */
export async function restartBroker(pid: number, brokers: readonly string[]): Promise<number> {
  const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  const cwd = readlinkSync(`/proc/${pid}/cwd`);
  process.kill(pid, 'SIGTERM');
  await eventually(
    async () => !isProcessAlive(pid),
    (stopped) => stopped,
    {
      timeoutMs: 60_000,
      intervalMs: 250,
      what: 'the broker to stop',
    },
  );
  const child = spawn(argv[0], argv.slice(1), { cwd, detached: true, stdio: 'ignore' });
  if (child.pid === undefined) throw new Error(`could not start ${argv[0]} again`);
  child.unref();
  const pidFile = join(cwd, 'kafka.pid');
  if (existsSync(pidFile)) writeFileSync(pidFile, `${child.pid}\n`);
  await eventually(
    () => isKafkaAnswering(brokers),
    (answering) => answering,
    {
      timeoutMs: 120_000,
      intervalMs: 250,
      what: 'the broker to answer again',
    },
  );
  return child.pid;
}
