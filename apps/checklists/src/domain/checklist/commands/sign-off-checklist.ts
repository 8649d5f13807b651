import {
  ErrorCodes,
  type ChecklistEvent,
  type DecideContext,
  type SignOffChecklist,
} from '@tminus/contracts';
import { reject } from '../../shared/reject';
import { describeItem, hasLapsed, requireOpenChecklist } from '../guards';
import { isSignedOff, type ChecklistItem, type ChecklistState, type OpenChecklistState } from '../state';

const signers = (checklist: OpenChecklistState): string => checklist.signOffs.map(({ by }) => by).join(', ');

/**
 * Why the checklist is not complete, one sentence per kind, naming the items. Only required items
 * must be done or waived (an optional item with a lapsed waiver is just an open optional item);
 * a blocked item stops the sign-off whether required or not.
 */
const incompleteness = (checklist: OpenChecklistState, now: Date): string[] => {
  const names = (items: ChecklistItem[]) => items.map(describeItem).join(', ');
  const open = checklist.items.filter((item) => item.required && item.status.state === 'OPEN');
  const blocked = checklist.items.filter((item) => item.status.state === 'BLOCKED');
  const lapsed = checklist.items.filter(
    (item) => item.required && item.status.state === 'WAIVED' && hasLapsed(item.status, now),
  );
  return [
    ...(open.length > 0 ? [`required items still open: ${names(open)}`] : []),
    ...(blocked.length > 0 ? [`blocked items: ${names(blocked)}`] : []),
    ...(lapsed.length > 0 ? [`required items whose waiver has expired: ${names(lapsed)}`] : []),
  ];
};

/**
 * A LEAD of the team (as the service found it) or an ADMIN signs a complete checklist off; it counts as
 * signed off once `signOffsRequired` distinct signers did. Signing twice is refused: it would count once.
 */
export const decideSignOffChecklist = (
  command: SignOffChecklist,
  state: ChecklistState,
  { now, actor }: DecideContext,
): ChecklistEvent[] => {
  const checklist = requireOpenChecklist(state, command.data.checklistId);
  if (command.data.signerTeamRole !== 'LEAD' && actor.role !== 'ADMIN') {
    reject(
      ErrorCodes.CHECKLIST_NOT_TEAM_LEAD,
      `Only a lead of the team can sign off checklist ${checklist.checklistId}`,
    );
  }
  const mine = checklist.signOffs.find(({ by }) => by === actor.userId);
  if (mine !== undefined) {
    reject(
      ErrorCodes.CHECKLIST_ALREADY_SIGNED_OFF,
      `${actor.userId} already signed checklist ${checklist.checklistId} off at ${mine.at}: the same lead counts once`,
    );
  }
  if (isSignedOff(checklist)) {
    reject(
      ErrorCodes.CHECKLIST_ALREADY_SIGNED_OFF,
      `Checklist ${checklist.checklistId} was already signed off by ${signers(checklist)}`,
    );
  }
  const missing = incompleteness(checklist, now);
  if (missing.length > 0) {
    reject(
      ErrorCodes.CHECKLIST_NOT_COMPLETE,
      `Checklist ${checklist.checklistId} cannot be signed off: ${missing.join('; ')}`,
    );
  }
  return [
    {
      type: 'ChecklistSignedOff',
      data: { checklistId: checklist.checklistId, by: actor.userId, at: now.toISOString() },
    },
  ];
};
