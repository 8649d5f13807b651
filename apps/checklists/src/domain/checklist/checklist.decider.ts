import type { ChecklistCommand, ChecklistEvent, DecideContext, Decider } from '@tminus/contracts';
import { decideAddChecklistItem } from './decide/add-checklist-item';
import { decideApproveWaiver } from './decide/approve-waiver';
import { decideAssignItemOwner } from './decide/assign-item-owner';
import { decideBlockItem } from './decide/block-item';
import { decideCloseChecklist } from './decide/close-checklist';
import { decideExpireWaiver } from './decide/expire-waiver';
import { decideMoveChecklistDueDates } from './decide/move-checklist-due-dates';
import { decideOpenChecklist } from './decide/open-checklist';
import { decideRecordCheckResult } from './decide/record-check-result';
import { decideRejectWaiver } from './decide/reject-waiver';
import { decideRevokeWaiver } from './decide/revoke-waiver';
import { decideSignOffChecklist } from './decide/sign-off-checklist';
import { decideTickItem } from './decide/tick-item';
import { decideUnblockItem } from './decide/unblock-item';
import { decideUntickItem } from './decide/untick-item';
import { decideWaiveItem } from './decide/waive-item';
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
