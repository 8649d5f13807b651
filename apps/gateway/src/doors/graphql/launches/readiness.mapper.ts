import type {
  Blocker as BlockerView,
  LaunchReadiness,
  OverdueItem as OverdueItemView,
  TeamReadiness as TeamReadinessView,
} from '../../../core/read-model/domain';
import { blockerReasonOf } from '../../../core/gates/blocker-reason';
import type { Blocker, OverdueItem, Readiness, TeamReadiness } from './readiness.types';

export const toBlocker = (blocker: BlockerView): Blocker => blockerReasonOf(blocker);

const toOverdueItem = (item: OverdueItemView): OverdueItem => ({
  teamId: item.teamId,
  team: item.teamKey ?? item.teamId,
  checklistId: item.checklistId,
  itemId: item.itemId,
  title: item.itemTitle,
  required: item.required,
  state: item.state,
  dueDate: item.dueDate,
});

export const toReadiness = (readiness: LaunchReadiness): Readiness => ({
  ready: readiness.ready,
  percent: readiness.percent,
  counts: { ...readiness.counts },
  blockers: readiness.blockers.map(toBlocker),
  overdue: readiness.overdue.map(toOverdueItem),
  computedAt: readiness.computedAt,
});

export const toTeamReadiness = (readiness: TeamReadinessView): TeamReadiness => ({
  ready: readiness.ready,
  signedOff: readiness.signedOff,
  percent: readiness.percent,
  counts: { ...readiness.counts },
  blockers: readiness.blockers.map(toBlocker),
});
