import { LRUCache } from 'lru-cache';
import type { ChecklistView } from '../domain/views';

/** How many checklists the projector keeps (the biggest documents: tens of KB each). */
const MAX_CHECKLISTS = 2_000;

interface AtPosition {
  readonly position: number;
  readonly view: ChecklistView;
}

/**
 * The checklists this process projected, each with the stream position it reflects. Why: reading a
 * 250-item checklist back before every event cost as much as reading all of a launch's checklists.
 * It is exact without reading the text because the projector first locks the stream's position row
 * (PostgreSQL `FOR UPDATE`, SQLite's single writer) and documents commit with their positions: if the
 * locked position is the one cached, nobody (another instance, a rolled-back transaction) wrote the
 * document since. Entries enter only after their transaction committed (see {@link begin}).
 */
export class ProjectedChecklists {
  private readonly entries = new LRUCache<string, AtPosition>({ max: MAX_CHECKLISTS });

  /** One transaction's view: its own writes first, then what committed before. */
  begin(): ChecklistWrites {
    return new ChecklistWrites((id, position) => {
      const entry = this.entries.get(id);
      return entry?.position === position ? entry.view : null;
    }, this.entries);
  }
}

export class ChecklistWrites {
  private readonly pending = new Map<string, AtPosition>();

  constructor(
    private readonly committed: (id: string, position: number) => ChecklistView | null,
    private readonly entries: LRUCache<string, AtPosition>,
  ) {}

  /** The checklist as stored at `position`, or null when not known here (read it from the table). */
  at(id: string, position: number): ChecklistView | null {
    const own = this.pending.get(id);
    if (own) return own.position === position ? own.view : null;
    return this.committed(id, position);
  }

  wrote(id: string, position: number, view: ChecklistView): void {
    this.pending.set(id, { position, view });
  }

  /** Call only after the transaction committed; a rolled-back one is simply dropped. */
  committedNow(): void {
    for (const [id, entry] of this.pending) this.entries.set(id, entry);
  }
}
