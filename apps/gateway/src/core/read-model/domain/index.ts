/**
 * The gateway's cross-functional read model, as pure code (no Nest, TypeORM, Kafka or SQL here).
 *
 * Documents: one per stream, updated event by event by a pure reducer
 *   `applyLaunchEvent` → LaunchView, `applyChecklistEvent` → ChecklistView, `applyTeamEvent` → TeamView,
 *   `applyTemplateEvent` → TemplateView: `(view | null, envelope) → view | null`. Documents are plain
 *   JSON (arrays, not maps) so storage can keep them as they are. Each remembers the stream position it
 *   last applied (`version`), so a redelivered event changes nothing. Unknown types, CommandRejected /
 *   CommandAccepted markers and events of a view never created leave the view as it was.
 * Routing: event types are unique across services, so `applyEvent(state, envelope)` routes by type
 *   (not by `source`: templates and checklists share one). `ReadModelState` holds every view plus the
 *   indexes item → checklist, incident → launch, launch key → id, team key → id, launch → checklists.
 *   `replayEvents` folds many envelopes with one copy of the state (used by `launchAsOf` and tests).
 * Readiness (`computeTeamReadiness`, `computeLaunchReadiness`), decided here:
 *   - a team is ready when every required item is DONE or WAIVED (waiver not expired: expiresAt > now),
 *     no item at all is BLOCKED, and it signed off; an expired waiver on a required item voids the
 *     sign-off at once (as the checklists service will when it records the expiry);
 *   - blockers are exactly the reasons for not being ready (empty ⇔ ready), at most one per item, the
 *     most telling: BLOCKED_ITEM > WAIVER_EXPIRED > OVERDUE_ITEM > OPEN_REQUIRED_ITEM; plus
 *     NOT_SIGNED_OFF per team. Overdue optional items are listed in `overdue` but block nothing;
 *   - a required team whose checklist is not open (not opened yet, or closed) is not ready:
 *     NOT_SIGNED_OFF with a message saying why;
 *   - a launch is ready when every required team is; a launch with no required team is NOT ready
 *     (NOT_SIGNED_OFF without a team: nobody has signed it off); a cancelled launch is never ready and
 *     has the single blocker LAUNCH_CANCELLED. GO decisions are the gate's business, not readiness';
 *   - percent = floor(100 × required items done-or-validly-waived / required items); with no required
 *     item it is 100 when ready and 0 otherwise (an empty checklist is complete once signed off; a
 *     launch without teams is at 0%).
 * Gate (`evaluateGate`): the launch's policy for the environment, else `defaultGatePolicy`. Reasons:
 *   READ_MODEL_STALE when the caller says so; LAUNCH_CANCELLED alone for a cancelled launch; else
 *   NO_GO_DECISION when a GO is required and the status is not GO/HYPERCARE/CLOSED; every readiness
 *   blocker when readiness is required; READINESS_BELOW_THRESHOLD when it is not and percent < minimum.
 *   DENIED ⇔ some reason. Evaluating records nothing.
 * As-of (`launchAsOf`): replays the launch's, its checklists' and its teams' streams up to a moment
 *   (per stream, the prefix that occurred by then) and computes readiness with now = that moment.
 * History (`toHistoryEntry`): one human line per event; optional labels name teams/items/incidents.
 */
export * from './views';
export { viewKindOf, type ViewKind } from './projection/event-kinds';
export { applyLaunchEvent } from './projection/launch.reducer';
export { applyChecklistEvent } from './projection/checklist.reducer';
export { applyTeamEvent } from './projection/team.reducer';
export { applyTemplateEvent } from './projection/template.reducer';
export {
  applyEvent,
  checklistsOfLaunch,
  emptyReadModelState,
  findLaunch,
  replayEvents,
  teamsOfLaunch,
  type ReadModelState,
} from './projection/read-model-state';
export * from './readiness/readiness.types';
export { standingOf, type ItemStanding } from './readiness/item-standing';
export { checklistNotOpenReadiness, computeTeamReadiness } from './readiness/team-readiness';
export { computeLaunchReadiness } from './readiness/launch-readiness';
export {
  incidentOrigin,
  openIncidents,
  openIncidentsBySeverity,
  supportOf,
  supportStatus,
  type IncidentOrigin,
  type SupportView,
} from './support/support-status';
export {
  evaluateGate,
  hasGoDecision,
  policyFor,
  type AppliedGatePolicy,
  type GateEvaluation,
  type GateInput,
  type Staleness,
} from './gate/evaluate-gate';
export { eventsUpTo, launchAsOf, type LaunchAsOf } from './as-of/launch-as-of';
export { newestFirst, toHistoryEntry, type HistoryEntry } from './history/history-entry';
export { historyLabelsFrom, type HistoryLabels } from './history/history-labels';
export { checklistsMovedBy } from './outcomes/rescheduled-checklists';
export {
  compareOwnedKeys,
  openItemsOwnedBy,
  ownedItemKey,
  type OwnedItem,
  type OwnedItemKey,
} from './owners/owned-items';
export { burnupOf, type BurnupBucket, type BurnupPoint } from './burnup/burnup';
export { forecastOf, type Forecast } from './burnup/forecast';
