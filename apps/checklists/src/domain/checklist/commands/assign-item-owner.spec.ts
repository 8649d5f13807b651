import { ErrorCodes, type AssignItemOwner } from '@tminus/contracts';
import { CHECKLIST_ID, closed, opened, REQUIRED, spec } from '../checklist.fixtures';

const assign = (ownerUserId: string | null, itemId = REQUIRED.itemId): AssignItemOwner => ({
  type: 'AssignItemOwner',
  data: { checklistId: CHECKLIST_ID, itemId, ownerUserId },
});
const assigned = (ownerUserId: string | null) => ({
  type: 'ChecklistItemOwnerAssigned' as const,
  data: { checklistId: CHECKLIST_ID, itemId: REQUIRED.itemId, ownerUserId },
});

describe('AssignItemOwner', () => {
  it('assigns an owner to an item', () => {
    spec
      .given([opened()])
      .when(assign('mia'))
      .then([assigned('mia')]);
  });

  it('hands the item over to another owner', () => {
    spec
      .given([opened(), assigned('mia')])
      .when(assign('max'))
      .then([assigned('max')]);
  });

  it('clears the owner', () => {
    spec
      .given([opened(), assigned('mia')])
      .when(assign(null))
      .then([assigned(null)]);
  });

  it('changes nothing when the owner is already the one given', () => {
    spec
      .given([opened(), assigned('mia')])
      .when(assign('mia'))
      .thenNothing();
    spec.given([opened()]).when(assign(null)).thenNothing();
  });

  it('refuses a blank owner', () => {
    spec.given([opened()]).when(assign('  ')).thenThrows(ErrorCodes.CHECKLIST_INVALID_ITEM);
  });

  it('refuses an unknown item', () => {
    spec.given([opened()]).when(assign('mia', 'nope')).thenThrows(ErrorCodes.CHECKLIST_ITEM_NOT_FOUND);
  });

  it('refuses on a closed checklist', () => {
    spec.given([opened(), closed()]).when(assign('mia')).thenThrows(ErrorCodes.CHECKLIST_CLOSED);
  });

  it('refuses on a checklist that does not exist', () => {
    spec.given([]).when(assign('mia')).thenThrows(ErrorCodes.CHECKLIST_NOT_FOUND);
  });
});
