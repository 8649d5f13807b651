import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { eventTopicOf, type EventEnvelope, type ServiceName } from '@tminus/contracts';
import { eventually } from '@tminus/testing';
import { createEventStore, type EventStore } from '@tminus/event-store';
import { decodeEventEnvelope, InProcessBus, type Subscription } from '@tminus/messaging';
import type { RunningApp, ServiceDeps } from '../nest/start-service';

/**
 * One service on embedded infrastructure (SQLite store, in-process bus in a temp folder) for tests,
 * with every event it publishes collected in `seen`.
 */
export interface ServiceHarness {
  readonly store: EventStore;
  readonly bus: InProcessBus;
  readonly seen: EventEnvelope[];
  readonly app: RunningApp;
  /** Stops the service and starts it again on the same store and bus (a process restart). */
  restart(): Promise<RunningApp>;
  close(): Promise<void>;
}

export async function startServiceHarness(options: {
  readonly service: ServiceName;
  readonly start: (deps: ServiceDeps) => Promise<RunningApp>;
  readonly port?: number;
}): Promise<ServiceHarness> {
  const dir = mkdtempSync(join(tmpdir(), `tminus-${options.service}-`));
  const store = await createEventStore({
    kind: 'sqlite',
    file: join(dir, `${options.service}.sqlite`),
    source: `tminus.${options.service}`,
  });
  const bus = new InProcessBus({ filename: join(dir, 'bus.sqlite') });
  const start = () => options.start({ store, bus, logger: pino({ level: 'silent' }), port: options.port });
  const seen: EventEnvelope[] = [];
  let app = await start();
  const observer: Subscription = await bus.subscribe({
    groupId: 'test-observer',
    topics: [eventTopicOf(options.service)],
    handle: async (message) => void seen.push(decodeEventEnvelope(message)),
  });
  return {
    store,
    bus,
    seen,
    get app() {
      return app;
    },
    restart: async () => {
      await app.close();
      app = await start();
      return app;
    },
    close: async () => {
      await observer.stop();
      await app.close();
      await bus.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Waits for an observable state, never a fixed sleep. */
export async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  await eventually(condition, Boolean, { what, timeoutMs, intervalMs: 10 });
}
