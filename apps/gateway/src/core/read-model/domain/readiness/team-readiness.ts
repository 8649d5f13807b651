import type { ChecklistItemView, ChecklistView, TeamView } from '../views';
import { quoted, teamLabel } from './blocker-messages';
import { isOverdue, isSatisfied, percentOf, standingOf, type ItemStanding } from './item-standing';
import type { Blocker, OverdueItem, ReadinessCounts, TeamReadiness } from './readiness.types';

const NO_ITEMS: ReadinessCounts = { requiredItems: 0, doneOrWaived: 0, open: 0, blocked: 0, overdue: 0 };

interface Subject {
  readonly teamId: string;
  readonly team: TeamView | null;
  readonly label: string;
}

const blocker = (
  subject: Subject,
  code: Blocker['code'],
  message: string,
  item?: ChecklistItemView,
): Blocker => ({
  code,
  teamId: subject.teamId,
  teamKey: subject.team?.key ?? null,
  itemId: item?.id ?? null,
  itemTitle: item?.title ?? null,
  message,
});

/**
 * At most one blocker per item, the most telling one: a block (on any item) before an expired waiver,
 * before being overdue, before merely being open. Optional items only block when BLOCKED.
 */
const itemBlocker = (subject: Subject, item: ChecklistItemView, standing: ItemStanding, overdue: boolean) => {
  const name = `${subject.label}: ${quoted(item.title)}`;
  if (standing === 'BLOCKED') {
    return blocker(
      subject,
      'BLOCKED_ITEM',
      `${name} is blocked: ${item.blockedReason ?? 'no reason given'}`,
      item,
    );
  }
  if (!item.required || isSatisfied(standing)) return null;
  if (item.waiver?.status === 'REQUESTED') {
    return blocker(
      subject,
      'WAIVER_PENDING',
      `${name}: a waiver requested by ${item.waiver.requestedBy} waits for approval`,
      item,
    );
  }
  if (standing === 'WAIVER_EXPIRED') {
    return blocker(
      subject,
      'WAIVER_EXPIRED',
      `${name} was waived until ${item.waiver?.expiresAt}; the waiver has expired`,
      item,
    );
  }
  if (item.checkFailure) {
    const where = item.checkFailure.url === null ? '' : ` (${item.checkFailure.url})`;
    return blocker(
      subject,
      'CHECK_FAILED',
      `${name}: its check ${quoted(item.checkFailure.check)} failed${where}`,
      item,
    );
  }
  if (overdue)
    return blocker(subject, 'OVERDUE_ITEM', `${name} was due ${item.dueDate} and is not done`, item);
  return blocker(subject, 'OPEN_REQUIRED_ITEM', `${name} is required and not done yet`, item);
};

const notSignedOff = (subject: Subject, message: string): Blocker =>
  blocker(subject, 'NOT_SIGNED_OFF', message);

const notSignedOffMessage = (subject: Subject, checklist: ChecklistView, enoughSigners: boolean): string => {
  const { signOffs, signOffsRequired } = checklist;
  if (enoughSigners)
    return `${subject.label}: its sign-off no longer holds, a waiver it relied on has expired`;
  if (signOffs.length === 0) {
    return signOffsRequired === 1
      ? `${subject.label} has not signed off its checklist`
      : `${subject.label} has not signed off its checklist (${signOffsRequired} leads must sign)`;
  }
  const signers = signOffs.map(({ by }) => by).join(', ');
  return `${subject.label}: ${signOffs.length} of ${signOffsRequired} leads signed off (${signers})`;
};

/**
 * A required team without an open checklist (not opened yet, or closed) is not ready: nobody can have
 * signed it off. It reports NOT_SIGNED_OFF with a message saying why, and no items.
 */
export const checklistNotOpenReadiness = (
  teamId: string,
  team: TeamView | null,
  checklist: ChecklistView | null,
): TeamReadiness => {
  const subject = { teamId, team, label: teamLabel(teamId, team) };
  const why = checklist === null ? 'has not been opened yet' : 'is closed';
  return {
    teamId,
    teamKey: team?.key ?? null,
    teamName: team?.name ?? null,
    checklistId: checklist?.id ?? null,
    ready: false,
    signedOff: false,
    percent: 0,
    counts: NO_ITEMS,
    overdue: [],
    blockers: [notSignedOff(subject, `${subject.label}: its checklist ${why}, so it is not signed off`)],
  };
};

const overdueItem = (subject: Subject, checklist: ChecklistView, item: ChecklistItemView): OverdueItem => ({
  teamId: subject.teamId,
  teamKey: subject.team?.key ?? null,
  checklistId: checklist.id,
  itemId: item.id,
  itemTitle: item.title,
  required: item.required,
  state: item.state,
  dueDate: item.dueDate ?? '',
});

/**
 * A team is ready when every required item is DONE or WAIVED (waiver not expired at `now`), no item is
 * BLOCKED, and the team has signed off. A required item whose waiver expired voids the sign-off at once,
 * as the checklists service will when it records the expiry. `team` may be null while its events have
 * not arrived; messages then name the team by id.
 */
export const computeTeamReadiness = (
  checklist: ChecklistView,
  team: TeamView | null,
  now: Date,
): TeamReadiness => {
  if (checklist.status !== 'OPEN') return checklistNotOpenReadiness(checklist.teamId, team, checklist);
  const subject = { teamId: checklist.teamId, team, label: teamLabel(checklist.teamId, team) };
  const counts = { requiredItems: 0, doneOrWaived: 0, open: 0, blocked: 0, overdue: 0 };
  const overdue: OverdueItem[] = [];
  const blockers: Blocker[] = [];
  let lapsedWaiver = false;
  for (const item of checklist.items) {
    const standing = standingOf(item, now);
    const late = isOverdue(item, standing, now);
    if (item.required) {
      counts.requiredItems += 1;
      if (isSatisfied(standing)) counts.doneOrWaived += 1;
      else if (standing !== 'BLOCKED') counts.open += 1;
      if (standing === 'WAIVER_EXPIRED') lapsedWaiver = true;
    }
    if (standing === 'BLOCKED') counts.blocked += 1;
    if (late) {
      counts.overdue += 1;
      overdue.push(overdueItem(subject, checklist, item));
    }
    const itemReason = itemBlocker(subject, item, standing, late);
    if (itemReason !== null) blockers.push(itemReason);
  }
  const enoughSigners = checklist.signOffs.length >= checklist.signOffsRequired;
  const signedOff = enoughSigners && !lapsedWaiver;
  if (!signedOff)
    blockers.push(notSignedOff(subject, notSignedOffMessage(subject, checklist, enoughSigners)));
  const ready = blockers.length === 0;
  return {
    teamId: checklist.teamId,
    teamKey: team?.key ?? null,
    teamName: team?.name ?? null,
    checklistId: checklist.id,
    ready,
    signedOff,
    percent: percentOf(counts.doneOrWaived, counts.requiredItems, ready),
    counts,
    overdue,
    blockers,
  };
};
