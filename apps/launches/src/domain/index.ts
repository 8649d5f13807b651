export { launchDecider } from './launch/launch.decider';
export { initialState as initialLaunchState } from './launch/state';
export type { ExistingLaunch, Incident, LaunchState, NoLaunch, RecordedDecision } from './launch/state';
export { gatePolicyFor, openCriticalIncidents, openIncidents, supportStatus } from './launch/queries';
export { nextHypercareCheck } from './launch/hypercare-schedule';
export { exitRefusal } from './launch/exit-criteria';
export { ENVIRONMENT_PATTERN, MAX_HYPERCARE_DAYS, MIN_HYPERCARE_DAYS } from './launch/validation';
// Shared with read models, so they live in the contracts; re-exported for the service's convenience.
export {
  isCriticalSeverity,
  launchStatusAfter,
  launchStatusAfterEvent,
  supportStatusOf,
} from '@tminus/contracts';
