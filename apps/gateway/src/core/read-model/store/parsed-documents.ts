import { LRUCache } from 'lru-cache';

/**
 * What the process keeps, in characters of JSON text (a parsed view costs a few times its text): a
 * budget in bytes, not in documents, so memory stays bounded however many launches exist (issue #12's
 * S5: ≤2 KB of heap per launch at 10k launches) while a busy launch's checklists — ~50 KB each at 250
 * items — stay hot. A working set beyond it is parsed again: slower, never wrong.
 */
export const MAX_CACHED_TEXT_CHARS = 2_000_000;

/** Frozen all the way down: a cached view is shared by every reader, none may change it. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
}

interface Parsed {
  readonly text: string;
  readonly view: unknown;
}

/**
 * Parsed read-model documents by table and id, with the JSON text they came from. Why: every event
 * and every gate or readiness read parsed whole documents again (a 250-item checklist per tick). A
 * cached view is returned only when the stored text is exactly the cached text, so a document written
 * by another connection, transaction or gateway instance is parsed afresh: the cache can be stale
 * without ever being wrong. Views are deep-frozen (the projector and queries build new ones).
 */
export class ParsedDocuments {
  private readonly entries: LRUCache<string, Parsed>;

  constructor(maxTextChars: number = MAX_CACHED_TEXT_CHARS) {
    this.entries = new LRUCache({
      maxSize: maxTextChars,
      sizeCalculation: ({ text }) => Math.max(1, text.length),
    });
  }

  parse<View>(table: string, id: string, text: string): View {
    const key = `${table}\u0000${id}`;
    const cached = this.entries.get(key);
    if (cached && cached.text === text) return cached.view as View;
    const view = deepFreeze(JSON.parse(text) as View);
    this.entries.set(key, { text, view });
    return view;
  }

  /** After a write: the next read of the same text needs no parse. */
  remember(table: string, id: string, text: string, view: unknown): void {
    this.entries.set(`${table}\u0000${id}`, { text, view: deepFreeze(view) });
  }
}

/** One per process: documents are keyed by their text, so sharing across databases stays correct. */
export const parsedDocuments = new ParsedDocuments();
