import { checklistView, done, itemView } from '../testing/views';
import { compareOwnedKeys, openItemsOwnedBy, ownedItemKey } from './owned-items';

describe('openItemsOwnedBy', () => {
  const mine = (id: string, overrides = {}) => itemView(id, { ownerUserId: 'olga', ...overrides });
  const qa = checklistView('team-qa', [
    mine('late', { dueDate: '2026-03-01T00:00:00.000Z' }),
    mine('undated', { dueDate: null }),
    mine('soon', { dueDate: '2026-02-01T00:00:00.000Z' }),
    done('finished', { ownerUserId: 'olga' }),
    itemView('theirs', { ownerUserId: 'tom' }),
    mine('blocked', { state: 'BLOCKED', dueDate: '2026-02-15T00:00:00.000Z' }),
  ]);
  const closed = checklistView('team-sec', [mine('gone')], { status: 'CLOSED' });

  it("lists the user's items still to do on open checklists, soonest due first, undated last", () => {
    expect(openItemsOwnedBy([qa, closed], 'olga').map(({ item }) => item.id)).toEqual([
      'soon',
      'blocked',
      'late',
      'undated',
    ]);
  });

  it('is empty for someone who owns nothing', () => {
    expect(openItemsOwnedBy([qa], 'nobody')).toEqual([]);
  });

  it('orders by the key a page cursor holds', () => {
    const [first, second] = openItemsOwnedBy([qa], 'olga');
    expect(compareOwnedKeys(ownedItemKey(first), ownedItemKey(second))).toBeLessThan(0);
    expect(compareOwnedKeys(ownedItemKey(second), ownedItemKey(second))).toBe(0);
  });
});
