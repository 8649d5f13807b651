import { ErrorCodes, type TickItem } from '@tminus/contracts';
import {
  at,
  blocked,
  CHECKLIST_ID,
  closed,
  IN_A_WEEK,
  MEMBER,
  NOW,
  opened,
  REQUIRED,
  signedOffChecklist,
  spec,
  ticked,
  unblocked,
  unticked,
  waived,
  YESTERDAY,
} from '../checklist.fixtures';

const tick = (evidenceUrl?: string | null, itemId = REQUIRED.itemId): TickItem => ({
  type: 'TickItem',
  data: { checklistId: CHECKLIST_ID, itemId, evidenceUrl },
});

describe('TickItem', () => {
  it('marks an open item done by the actor, now', () => {
    const now = new Date('2026-02-03T10:15:00.000Z');
    spec
      .given([opened()])
      .when(tick(), at(now, MEMBER))
      .then([
        {
          type: 'ChecklistItemTicked',
          data: {
            checklistId: CHECKLIST_ID,
            itemId: REQUIRED.itemId,
            by: 'mia',
            at: now.toISOString(),
            evidenceUrl: null,
          },
        },
      ]);
  });

  it('records an http(s) evidence URL', () => {
    spec
      .given([opened()])
      .when(tick('https://ci.example.com/runs/42?attempt=2'))
      .then([ticked(REQUIRED.itemId, 'https://ci.example.com/runs/42?attempt=2')]);
    spec
      .given([opened()])
      .when(tick('http://wiki.internal/page'))
      .then([ticked(REQUIRED.itemId, 'http://wiki.internal/page')]);
  });

  it('ticks an item again after it was unticked or unblocked', () => {
    spec
      .given([opened(), ticked(REQUIRED.itemId), unticked(REQUIRED.itemId)])
      .when(tick())
      .then([ticked(REQUIRED.itemId)]);
    spec
      .given([opened(), blocked(REQUIRED.itemId), unblocked(REQUIRED.itemId)])
      .when(tick())
      .then([ticked(REQUIRED.itemId)]);
  });

  it('records a waived item as done: the work got done after all, the waiver is replaced', () => {
    spec
      .given([opened(), waived(REQUIRED.itemId, IN_A_WEEK)])
      .when(tick())
      .then([ticked(REQUIRED.itemId)]);
  });

  it('records an item whose waiver has lapsed as done', () => {
    spec
      .given([opened(), waived(REQUIRED.itemId, YESTERDAY)])
      .when(tick(), at(NOW))
      .then([ticked(REQUIRED.itemId)]);
  });

  it('changes nothing when a done item is ticked again with the same or no evidence', () => {
    spec
      .given([opened(), ticked(REQUIRED.itemId, 'https://ci.example.com/runs/1')])
      .when(tick('https://ci.example.com/runs/1'))
      .thenNothing();
    spec
      .given([opened(), ticked(REQUIRED.itemId, 'https://ci.example.com/runs/1')])
      .when(tick())
      .thenNothing();
  });

  it('updates the evidence of a done item ticked with new evidence, keeping the sign-off', () => {
    spec
      .given([...signedOffChecklist()])
      .when(tick('https://ci.example.com/runs/2'), at(NOW, MEMBER))
      .then([
        {
          type: 'ChecklistItemEvidenceUpdated',
          data: {
            checklistId: CHECKLIST_ID,
            itemId: REQUIRED.itemId,
            evidenceUrl: 'https://ci.example.com/runs/2',
            by: 'mia',
            at: NOW.toISOString(),
          },
        },
      ]);
  });

  it('refuses a blocked item', () => {
    spec
      .given([opened(), blocked(REQUIRED.itemId)])
      .when(tick())
      .thenThrows(ErrorCodes.CHECKLIST_ITEM_BLOCKED);
  });

  it.each([
    ['not a URL', 'evidence.pdf'],
    ['an ftp URL', 'ftp://files.example.com/report'],
    ['a javascript URL', 'javascript:alert(1)'],
    ['an empty string', ''],
    ['a URL over 2048 characters', `https://example.com/${'a'.repeat(2048)}`],
  ])('refuses evidence that is %s', (_case, url) => {
    spec.given([opened()]).when(tick(url)).thenThrows(ErrorCodes.CHECKLIST_INVALID_ITEM);
  });

  it('refuses an unknown item', () => {
    spec.given([opened()]).when(tick(null, 'nope')).thenThrows(ErrorCodes.CHECKLIST_ITEM_NOT_FOUND);
  });

  it('refuses on a closed checklist', () => {
    spec.given([opened(), closed()]).when(tick()).thenThrows(ErrorCodes.CHECKLIST_CLOSED);
  });

  it('refuses on a checklist that does not exist', () => {
    spec.given([]).when(tick()).thenThrows(ErrorCodes.CHECKLIST_NOT_FOUND);
  });
});
