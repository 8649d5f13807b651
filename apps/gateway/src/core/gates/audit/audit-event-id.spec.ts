import { auditEventId } from './audit-event-id';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('auditEventId', () => {
  it('is a version 7 UUID carrying its millisecond', () => {
    const at = Date.UTC(2031, 0, 2, 3, 4, 5, 6);
    const id = auditEventId(at);
    expect(id).toMatch(UUID_V7);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
  });

  it('orders ids as they were made, within one millisecond too, and never repeats one', () => {
    const at = Date.UTC(2032, 5, 6);
    const ids = Array.from({ length: 5_000 }, (_, i) => auditEventId(at + Math.floor(i / 1_000)));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    expect(ids.every((id) => UUID_V7.test(id))).toBe(true);
  });

  it('stays in order when the clock goes back', () => {
    const at = Date.UTC(2033, 0, 1);
    const first = auditEventId(at);
    expect(auditEventId(at - 60_000) > first).toBe(true);
  });
});
