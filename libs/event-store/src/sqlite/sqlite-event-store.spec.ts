import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEventStore } from '../create-event-store';
import { describeEventStoreContract } from '../testing/event-store-contract';
import { gate } from '../testing/eventually';
import { SqliteEventStore } from './sqlite-event-store';

const directory = mkdtempSync(join(tmpdir(), 'tminus-es-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

let files = 0;
const nextFile = (): string => join(directory, `store-${++files}.sqlite`);

describeEventStoreContract('SQLite', (options) =>
  createEventStore({ kind: 'sqlite', file: nextFile(), ...options }),
);

// As the embedded app opens it: the same contract without the nested-use check's AsyncLocalStorage.
describeEventStoreContract('SQLite without nested-use detection', (options) =>
  createEventStore({ kind: 'sqlite', file: nextFile(), detectNestedUse: false, ...options }),
);

describe('SQLite event store', () => {
  const event = { type: 'A', data: {}, correlationId: 'c', causationId: 'c' };

  it('serialises transactions: a second one starts only after the first has finished', async () => {
    const store = await SqliteEventStore.create({ file: nextFile() });
    const log: string[] = [];
    const held = gate();
    const first = store.transaction(async (tx) => {
      log.push('first:start');
      await tx.append('s-1', [event], 'no_stream');
      await held.opened;
      log.push('first:end');
    });
    const second = store.transaction(async (tx) => {
      log.push('second:start');
      await tx.append('s-2', [event], 'no_stream');
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(log).toEqual(['first:start']);

    held.open();
    await Promise.all([first, second]);
    expect(log).toEqual(['first:start', 'first:end', 'second:start']);
    await store.close();
  });

  it('keeps its events across a reopen of the file', async () => {
    const file = nextFile();
    const before = await SqliteEventStore.create({ file });
    await before.transaction((tx) => tx.append('s-1', [event, event], 'no_stream'));
    await before.close();

    const after = await SqliteEventStore.create({ file, synchronous: 'FULL' });
    const events = await after.readAll();
    expect(events.map((e) => e.streamPosition)).toEqual([1, 2]);
    await after.transaction((tx) => tx.append('s-1', [event], 2));
    expect(await after.readStream('s-1', 3)).toHaveLength(1);
    await after.close();
  });

  it('fails fast instead of deadlocking when a transaction is started inside another', async () => {
    const store = await SqliteEventStore.create({ file: nextFile() });

    await expect(store.transaction(() => store.transaction(async () => 1))).rejects.toThrow(
      /inside transaction/,
    );
    await expect(store.transaction(async () => 2)).resolves.toBe(2);
    await store.close();
  });

  it("works in ':memory:' with reads waiting for the writer", async () => {
    const store = await SqliteEventStore.create({ file: ':memory:' });
    await store.transaction((tx) => tx.append('s-1', [event], 'no_stream'));

    expect((await store.readStream('s-1')).map((e) => e.type)).toEqual(['A']);
    expect(await store.readAll()).toHaveLength(1);
    await store.close();
  });

  it('refuses a transaction object used after its transaction ended', async () => {
    const store = await SqliteEventStore.create({ file: nextFile() });
    const leaked = await store.transaction(async (tx) => tx);

    await expect(leaked.append('s-1', [event], 'any')).rejects.toThrow(/already ended/);
    expect(await store.readStream('s-1')).toEqual([]);
    await store.close();
  });
});
