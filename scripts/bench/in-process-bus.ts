/**
 * `npm run bench -- bus`: CPU µs per message through the embedded mode's in-process bus (SQLite log),
 * publish → delivery, with one message in flight per key on four keys of a six-partition topic — the
 * shape of S1e's command and event hops. CPU of this process (user + system) per message: steadier
 * than wall figures on a shared machine. BENCH_BUS_MESSAGES (default 4000).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InProcessBus } from '../../libs/messaging/src/in-process/in-process-bus';

const MESSAGES = Number(process.env.BENCH_BUS_MESSAGES ?? 4000);
const KEYS = ['checklist-1', 'checklist-2', 'checklist-3', 'checklist-4'];
const TOPIC = 'tminus.checklists.commands';

export async function runInProcessBusBenchmark(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tminus-bench-bus-'));
  const bus = new InProcessBus({ filename: join(dir, 'bus.sqlite') });
  const delivered = new Map<string, () => void>();
  const seen = (value: Buffer): void => delivered.get(value.toString())?.();
  try {
    await bus.subscribe({
      groupId: 'bench',
      topics: [TOPIC],
      handle: async (message) => seen(message.value),
      handleBatch: async (messages) => messages.forEach((message) => seen(message.value)),
    });
    const chain = async (key: string, count: number, round: string): Promise<void> => {
      for (let i = 0; i < count; i++) {
        const id = `${round}-${key}-${i}`;
        const arrived = new Promise<void>((resolve) => delivered.set(id, resolve));
        await bus.publish(TOPIC, [{ key, value: Buffer.from(id), headers: { ce_type: 'TickItem' } }]);
        await arrived;
        delivered.delete(id);
      }
    };
    await Promise.all(KEYS.map((key) => chain(key, 200, 'warm-up')));
    const perKey = Math.ceil(MESSAGES / KEYS.length);
    const cpu = process.cpuUsage();
    const started = performance.now();
    await Promise.all(KEYS.map((key) => chain(key, perKey, 'measured')));
    const used = process.cpuUsage(cpu);
    const seconds = (performance.now() - started) / 1000;
    const messages = perKey * KEYS.length;
    console.log(
      `in-process bus: ${messages} messages, ${((used.user + used.system) / messages).toFixed(1)} CPU-µs per message, ` +
        `${(messages / seconds).toFixed(0)} messages/s`,
    );
  } finally {
    await bus.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
