import type { ServiceName } from '@tminus/contracts';
import { createEventStore, type EventStore } from '@tminus/event-store';
import { InProcessBus, type MessageBus, type MessagingLogger } from '@tminus/messaging';
import type { DataDirLayout } from '../data-dir/data-dir';

/** What the four apps share in one process: a store per service and one durable bus. */
export interface EmbeddedInfrastructure {
  readonly stores: Readonly<Record<ServiceName, EventStore>>;
  readonly bus: MessageBus;
  /** Closes the bus, then the stores; call after every app stopped. */
  close(): Promise<void>;
}

const fileOf = (layout: DataDirLayout, service: ServiceName): string =>
  ({ launches: layout.launchesDb, teams: layout.teamsDb, checklists: layout.checklistsDb })[service];

const SERVICES: readonly ServiceName[] = ['launches', 'teams', 'checklists'];

export async function openEmbeddedInfrastructure(
  layout: DataDirLayout,
  messagingLogger: MessagingLogger,
): Promise<EmbeddedInfrastructure> {
  const opened: EventStore[] = [];
  let bus: InProcessBus;
  try {
    for (const service of SERVICES) {
      opened.push(
        await createEventStore({
          kind: 'sqlite',
          file: fileOf(layout, service),
          source: `tminus.${service}`,
          // Its AsyncLocalStorage would cost every promise of the process a hook call; tests keep it on.
          detectNestedUse: false,
        }),
      );
    }
    bus = new InProcessBus({ filename: layout.busDb, logger: messagingLogger });
  } catch (error) {
    await Promise.allSettled(opened.map((store) => store.close()));
    throw error;
  }
  const [launches, teams, checklists] = opened;
  return {
    stores: { launches, teams, checklists },
    bus,
    close: async () => {
      await bus.close();
      await Promise.all(opened.map((store) => store.close()));
    },
  };
}
