import {
  computeTeamReadiness,
  standingOf,
  type ChecklistItemView,
  type ChecklistView,
  type TeamView,
} from '../../../core/read-model/domain';
import { toTeam } from '../teams/team.mapper';
import type { Checklist, ChecklistItem } from './checklist.types';

const isPast = (iso: string | null, now: Date): boolean => iso !== null && Date.parse(iso) < now.getTime();

export const toChecklistItem = (item: ChecklistItemView, checklistId: string, now: Date): ChecklistItem => {
  const standing = standingOf(item, now);
  const satisfied = standing === 'DONE' || standing === 'WAIVED';
  return {
    id: item.id,
    checklistId,
    title: item.title,
    description: item.description,
    required: item.required,
    state: item.state,
    dueDate: item.dueDate,
    dueDaysBeforeLaunch: item.dueDaysBeforeLaunch,
    dueDateKind: item.dueDaysBeforeLaunch != null ? 'RELATIVE' : item.dueDate !== null ? 'ABSOLUTE' : 'NONE',
    overdue: isPast(item.dueDate, now) && !satisfied,
    owner: item.ownerUserId,
    doneBy: item.doneBy,
    doneAt: item.doneAt,
    evidenceUrl: item.evidenceUrl,
    waiver: item.waiver && {
      ...item.waiver,
      // The read model sees a lapse at once, before the service records it.
      status: standing === 'WAIVER_EXPIRED' ? 'EXPIRED' : item.waiver.status,
      rejectionReason: item.waiver.rejectionReason ?? null,
      expired: standing === 'WAIVER_EXPIRED',
    },
    blockedReason: item.blockedReason,
    blockedBy: item.blockedBy,
    // Documents projected before checks existed have neither field.
    check: item.check ?? null,
    checkFailure: item.checkFailure ?? null,
  };
};

export const toChecklist = (view: ChecklistView, team: TeamView | null, now: Date): Checklist => ({
  id: view.id,
  launchId: view.launchId,
  teamId: view.teamId,
  team: team && toTeam(team),
  status: view.status,
  closedReason: view.closedReason,
  // Readiness decides whether a sign-off still holds (an expired waiver it relied on voids it).
  signedOff:
    view.status === 'OPEN'
      ? computeTeamReadiness(view, team, now).signedOff
      : view.signOffs.length >= view.signOffsRequired,
  signOffsRequired: view.signOffsRequired,
  signOffs: view.signOffs.map(({ by, at }) => ({ userId: by, at })),
  signedOffBy: view.signOffs.at(-1)?.by ?? null,
  signedOffAt: view.signOffs.at(-1)?.at ?? null,
  targetDate: view.targetDate,
  items: view.items.map((item) => toChecklistItem(item, view.id, now)),
});
