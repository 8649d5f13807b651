import { randomBytes } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { MAX_CACHED_TEXT_CHARS } from './parsed-documents';

/** Unique to this process: no other process (gateway instance, rebuild script) makes the same tags. */
const PROCESS_TAG = randomBytes(8).toString('hex');
let written = 0;

/** A fresh tag for one write of a stream's position row (never reused, by any process). */
export const newVersionTag = (): string => `${PROCESS_TAG}.${(++written).toString(36)}`;

/** The version of a stream's document as its position row states it. */
export interface DocumentVersion {
  readonly position: number;
  /** Written with the position by this code; null in rows older code or a fresh lock wrote. */
  readonly tag: string | null;
}

interface Entry extends DocumentVersion {
  readonly view: unknown;
}

/**
 * Parsed documents by the version of their stream's position row, so a read needs neither the text
 * nor a parse when the version is unchanged (a 250-item checklist is ~50 KB; the notifications step
 * read all four of a launch per event). Why this is exact: a projected document is written in the same
 * transaction as its stream's position row, and this code writes a tag that no other write uses
 * together with the position. Any other write of the document — a rolled-back transaction of ours
 * (the row keeps its old tag), another instance, older code that leaves the tag as it was (it still
 * moves the position), a rebuild (fresh tables: other tags or none) — leaves a different (position,
 * tag) pair, and the document is read and parsed again. Views are deep-frozen by the parsed-documents
 * cache they also go through.
 */
export class DocumentVersions {
  private readonly entries: LRUCache<string, Entry>;

  /** The same budget as the parsed-documents cache, the size being what the caller says of the view. */
  constructor(maxTextChars: number = MAX_CACHED_TEXT_CHARS) {
    this.entries = new LRUCache({ maxSize: maxTextChars });
  }

  get<View>(table: string, id: string, version: DocumentVersion): View | null {
    if (version.tag === null) return null;
    const entry = this.entries.get(`${table}\u0000${id}`);
    return entry !== undefined && entry.tag === version.tag && entry.position === version.position
      ? (entry.view as View)
      : null;
  }

  /**
   * The view read or written together with this version (in one statement, or one transaction);
   * `size`: about its JSON text's length (what it costs to keep).
   */
  remember(table: string, id: string, version: DocumentVersion, view: unknown, size: number): void {
    if (version.tag === null) return;
    const entry = { position: version.position, tag: version.tag, view };
    this.entries.set(`${table}\u0000${id}`, entry, { size: Math.max(1, Math.round(size)) });
  }
}

/** One per process, like the parsed-documents cache. */
export const documentVersions = new DocumentVersions();
