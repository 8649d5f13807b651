import { schemaVersionOf } from '@tminus/contracts';
import { MissingUpcasterError } from '../errors';

/** Lifts the data of one event type from schema version N to N + 1. */
export type Upcaster = (data: unknown) => unknown;

export interface Upcasted {
  readonly schemaVersion: number;
  readonly data: unknown;
}

/**
 * Upcasters by (type, from version), applied on read so readers always see the current schema
 * version. Old events stay as they were written: the log is never migrated.
 */
export class UpcasterRegistry {
  private readonly steps = new Map<string, Upcaster>();

  /** `currentVersionOf` is the contracts' table; tests may pass their own. */
  constructor(private readonly currentVersionOf: (type: string) => number = schemaVersionOf) {}

  register(type: string, fromVersion: number, upcast: Upcaster): this {
    const key = stepKey(type, fromVersion);
    if (this.steps.has(key))
      throw new Error(`An upcaster for ${type} from version ${fromVersion} already exists`);
    this.steps.set(key, upcast);
    return this;
  }

  currentVersion(type: string): number {
    return this.currentVersionOf(type);
  }

  /**
   * Lifts `data` step by step to the current version. A version newer than the current one (written
   * by a newer release during a rolling deploy) is returned unchanged: it cannot be downcast.
   */
  upcast(type: string, schemaVersion: number, data: unknown): Upcasted {
    const target = this.currentVersionOf(type);
    let version = schemaVersion;
    let lifted = data;
    while (version < target) {
      const step = this.steps.get(stepKey(type, version));
      if (!step) throw new MissingUpcasterError(type, version);
      lifted = step(lifted);
      version += 1;
    }
    return { schemaVersion: version, data: lifted };
  }
}

const stepKey = (type: string, fromVersion: number): string => `${type}@${fromVersion}`;
