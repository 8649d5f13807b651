import type { ChecklistCommand, ChecklistEvent, DecideContext, Decider } from '@tminus/contracts';
import { decideAddChecklistItem } from './commands/add-checklist-item';
import { decideApproveWaiver } from './commands/approve-waiver';
import { decideAssignItemOwner } from './commands/assign-item-owner';
import { decideBlockItem } from './commands/block-item';
import { decideCloseChecklist } from './commands/close-checklist';
import { decideExpireWaiver } from './commands/expire-waiver';
import { decideMoveChecklistDueDates } from './commands/move-checklist-due-dates';
import { decideOpenChecklist } from './commands/open-checklist';
import { decideRecordCheckResult } from './commands/record-check-result';
import { decideRejectWaiver } from './commands/reject-waiver';
import { decideRevokeWaiver } from './commands/revoke-waiver';
import { decideSignOffChecklist } from './commands/sign-off-checklist';
import { decideTickItem } from './commands/tick-item';
import { decideUnblockItem } from './commands/unblock-item';
import { decideUntickItem } from './commands/untick-item';
import { decideWaiveItem } from './commands/waive-item';
import { evolveChecklist } from './evolve';
import { initialChecklistState, type ChecklistState } from './state';

const decide = (
  command: ChecklistCommand,
  state: ChecklistState,
  context: DecideContext,
): ChecklistEvent[] => {
  switch (command.type) {
    case 'OpenChecklist':
      return decideOpenChecklist(command, state);
    case 'MoveChecklistDueDates':
      return decideMoveChecklistDueDates(command, state);
    case 'CloseChecklist':
      return decideCloseChecklist(command, state);
    case 'AddChecklistItem':
      return decideAddChecklistItem(command, state);
    case 'AssignItemOwner':
      return decideAssignItemOwner(command, state);
    case 'TickItem':
      return decideTickItem(command, state, context);
    case 'UntickItem':
      return decideUntickItem(command, state, context);
    case 'WaiveItem':
      return decideWaiveItem(command, state, context);
    case 'ApproveWaiver':
      return decideApproveWaiver(command, state, context);
    case 'RejectWaiver':
      return decideRejectWaiver(command, state, context);
    case 'RevokeWaiver':
      return decideRevokeWaiver(command, state, context);
    case 'ExpireWaiver':
      return decideExpireWaiver(command, state, context);
    case 'BlockItem':
      return decideBlockItem(command, state, context);
    case 'UnblockItem':
      return decideUnblockItem(command, state, context);
    case 'SignOffChecklist':
      return decideSignOffChecklist(command, state, context);
    case 'RecordCheckResult':
      return decideRecordCheckResult(command, state, context);
  }
};

export const checklistDecider: Decider<ChecklistCommand, ChecklistEvent, ChecklistState> = {
  initialState: initialChecklistState,
  decide,
  evolve: evolveChecklist,
};
