import { randomUUID } from 'node:crypto';

let lastMs = 0;
let counter = 0;

/**
 * A time-ordered UUID (RFC 9562 version 7: 48 bits of Unix milliseconds, a 12-bit counter that keeps
 * ids of the same millisecond in order, 62 random bits) for the gate's audit events. Why not a random
 * one: `rm_events` has a unique index on event ids, and an audit log takes thousands a second; random
 * ids land on a different leaf of that index each, so a group commit of 16 audits wrote ≈16 index
 * pages to the WAL, where ordered ids append to one.
 */
export function auditEventId(now: number = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    counter = 0;
  } else if (++counter > 0xfff) {
    // 4,096 ids in one millisecond (or a clock that went back): borrow the next millisecond.
    lastMs += 1;
    counter = 0;
  }
  const time = lastMs.toString(16).padStart(12, '0');
  // randomUUID's last two groups: 62 random bits, with the variant bits (10) already in place.
  const random = randomUUID().slice(19);
  return `${time.slice(0, 8)}-${time.slice(8)}-7${counter.toString(16).padStart(3, '0')}-${random}`;
}
