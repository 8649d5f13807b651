import { eventUpcasters } from '../upcasting/event-upcasters';
import type { UpcasterRegistry } from '../upcasting/upcaster-registry';

/** Options both implementations take. */
export interface EventStoreOptions {
  /** The envelope's `source` for events this store writes (e.g. 'tminus.checklists'). */
  readonly source?: string;
  /** Lifts old event versions on read (default: tminus's own upcasters, current versions from contracts). */
  readonly upcasters?: UpcasterRegistry;
}

const DEFAULT_SOURCE = 'tminus';

export const resolveOptions = (
  options: EventStoreOptions,
): { source: string; upcasters: UpcasterRegistry } => ({
  source: options.source ?? DEFAULT_SOURCE,
  upcasters: options.upcasters ?? eventUpcasters(),
});
