import { fold, type ChecklistEvent } from '@tminus/contracts';
import { checklistDecider } from './checklist.decider';
import { pendingWaiverExpiries } from './pending-waiver-expiries';
import {
  blocked,
  closed,
  handAdded,
  HAND_ADDED,
  IN_A_WEEK,
  opened,
  OPTIONAL,
  REQUIRED,
  reopened,
  ticked,
  waived,
  waiverExpired,
  waiverRevoked,
  YESTERDAY,
} from './checklist.fixtures';

const pending = (history: ChecklistEvent[]) => pendingWaiverExpiries(fold(checklistDecider, history));

describe('pendingWaiverExpiries', () => {
  it('lists every waiver with an expiry, soonest first, including lapsed ones', () => {
    expect(
      pending([
        opened(),
        handAdded(),
        waived(REQUIRED.itemId, IN_A_WEEK),
        waived(HAND_ADDED.itemId, YESTERDAY),
        waived(OPTIONAL.itemId, null),
      ]),
    ).toEqual([
      { itemId: HAND_ADDED.itemId, expiresAt: YESTERDAY },
      { itemId: REQUIRED.itemId, expiresAt: IN_A_WEEK },
    ]);
  });

  it('forgets waivers that were ticked, revoked, blocked or expired', () => {
    expect(pending([opened(), waived(REQUIRED.itemId, IN_A_WEEK), ticked(REQUIRED.itemId)])).toEqual([]);
    expect(pending([opened(), waived(REQUIRED.itemId, IN_A_WEEK), waiverRevoked(REQUIRED.itemId)])).toEqual(
      [],
    );
    expect(pending([opened(), waived(REQUIRED.itemId, IN_A_WEEK), blocked(REQUIRED.itemId)])).toEqual([]);
    expect(
      pending([opened(), waived(REQUIRED.itemId, IN_A_WEEK), waiverExpired(REQUIRED.itemId, IN_A_WEEK)]),
    ).toEqual([]);
  });

  it('has none for a closed checklist, and lists them again once it is reopened', () => {
    const history = [opened(), waived(REQUIRED.itemId, IN_A_WEEK), closed()];
    expect(pending(history)).toEqual([]);
    expect(pending([...history, reopened()])).toEqual([{ itemId: REQUIRED.itemId, expiresAt: IN_A_WEEK }]);
  });

  it('has none for a checklist that does not exist', () => {
    expect(pending([])).toEqual([]);
  });
});
