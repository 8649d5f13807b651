import type {
  ChecklistEvent,
  ChecklistTemplateEvent,
  SignOffWithdrawalReason,
  TeamEvent,
} from '@tminus/contracts';
import type { Namer } from './history-labels';

const WITHDRAWAL_REASONS: Readonly<Record<SignOffWithdrawalReason, string>> = {
  REQUIRED_ITEM_UNTICKED: 'a required item was unticked',
  WAIVER_REVOKED: 'a waiver was revoked',
  WAIVER_EXPIRED: 'a waiver expired',
  ITEM_BLOCKED: 'an item was blocked',
  REQUIRED_ITEM_ADDED: 'a required item was added',
};

const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;

export const summarizeChecklistEvent = (event: ChecklistEvent, names: Namer): string => {
  const team = names.checklistTeam(event.data.checklistId);
  switch (event.type) {
    case 'ChecklistOpened':
      return `Checklist of ${names.team(event.data.teamId)} opened with ${plural(event.data.items.length, 'item')}`;
    case 'ChecklistReopened':
      return `Checklist of ${team} reopened`;
    case 'ChecklistDueDatesMoved':
      return `${team}: due dates moved for the target date ${event.data.targetDate}`;
    case 'ChecklistClosed':
      return `Checklist of ${team} closed (${event.data.reason === 'TEAM_RELEASED' ? 'team released' : 'launch cancelled'})`;
    case 'ChecklistItemAdded':
      return `${team}: '${event.data.title}' added (${event.data.required ? 'required' : 'optional'}${event.data.check ? `, check '${event.data.check}'` : ''})`;
    case 'ChecklistItemOwnerAssigned':
      return event.data.ownerUserId === null
        ? `${team}: ${names.item(event.data.itemId)} unassigned`
        : `${team}: ${names.item(event.data.itemId)} assigned to ${event.data.ownerUserId}`;
    case 'ChecklistItemTicked':
      return `${team}: ${names.item(event.data.itemId)} done by ${event.data.by}${event.data.evidenceUrl ? ` (evidence: ${event.data.evidenceUrl})` : ''}`;
    case 'ChecklistItemEvidenceUpdated':
      return `${team}: evidence of ${names.item(event.data.itemId)} updated by ${event.data.by}: ${event.data.evidenceUrl}`;
    case 'ChecklistItemUnticked':
      return `${team}: ${names.item(event.data.itemId)} unticked by ${event.data.by}`;
    case 'ChecklistItemCheckFailed':
      return `${team}: check '${event.data.check}' of ${names.item(event.data.itemId)} failed, reported by ${event.data.by}${event.data.url ? ` (${event.data.url})` : ''}`;
    case 'ChecklistItemWaiverRequested': {
      const until = event.data.expiresAt ? ` until ${event.data.expiresAt}` : '';
      return `${team}: waiver of ${names.item(event.data.itemId)}${until} requested by ${event.data.requestedBy}: ${event.data.reason}`;
    }
    case 'ChecklistItemWaived': {
      const until = event.data.expiresAt ? ` until ${event.data.expiresAt}` : '';
      return `${team}: ${names.item(event.data.itemId)} waived${until}, requested by ${event.data.requestedBy}, approved by ${event.data.approvedBy}: ${event.data.reason}`;
    }
    case 'ChecklistItemWaiverRejected':
      return `${team}: waiver of ${names.item(event.data.itemId)} rejected by ${event.data.by}: ${event.data.reason}`;
    case 'ChecklistItemWaiverRevoked':
      return `${team}: waiver of ${names.item(event.data.itemId)} revoked by ${event.data.by}`;
    case 'ChecklistItemWaiverExpired':
      return `${team}: waiver of ${names.item(event.data.itemId)} expired`;
    case 'ChecklistItemBlocked':
      return `${team}: ${names.item(event.data.itemId)} blocked by ${event.data.by}: ${event.data.reason}`;
    case 'ChecklistItemUnblocked':
      return `${team}: ${names.item(event.data.itemId)} unblocked by ${event.data.by}`;
    case 'ChecklistSignedOff':
      return `${team} signed off by ${event.data.by}`;
    case 'ChecklistSignOffWithdrawn': {
      const { reason, itemId } = event.data;
      const which = itemId === null ? '' : ` (${names.item(itemId)})`;
      return `${team}: sign-off withdrawn, ${WITHDRAWAL_REASONS[reason] ?? reason}${which}`;
    }
  }
};

export const summarizeTeamEvent = (event: TeamEvent): string => {
  switch (event.type) {
    case 'TeamCreated':
      return `Team '${event.data.name}' (${event.data.key}) created for ${event.data.function}`;
    case 'TeamRenamed':
      return `Team renamed to '${event.data.name}'`;
    case 'TeamMemberAdded':
      return `${event.data.userId} joined as ${event.data.role}`;
    case 'TeamMemberRoleChanged':
      return `${event.data.userId} is now ${event.data.role}`;
    case 'TeamMemberRemoved':
      return `${event.data.userId} left the team`;
  }
};

export const summarizeTemplateEvent = (event: ChecklistTemplateEvent): string => {
  const { name, function: teamFunction, version, items } = event.data;
  const verb = event.type === 'ChecklistTemplateCreated' ? 'created' : 'revised';
  return `Template '${name}' for ${teamFunction} ${verb} (version ${version}, ${plural(items.length, 'item')})`;
};
