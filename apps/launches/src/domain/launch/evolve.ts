import { launchStatusAfterEvent, type LaunchCreated, type LaunchEvent } from '@tminus/contracts';
import { applyIncidentFacts, handOver, isIncidentEvent } from './evolve-incidents';
import type { ExistingLaunch, LaunchState } from './state';

const created = ({ data }: LaunchCreated): ExistingLaunch => ({
  exists: true,
  launchId: data.launchId,
  key: data.key,
  name: data.name,
  description: data.description,
  ownerUserId: data.ownerUserId,
  targetDate: data.targetDate,
  status: 'PLANNING',
  requiredTeams: new Set(),
  decision: null,
  wentLiveAt: null,
  hypercareEndsAt: null,
  incidents: new Map(),
  externalIncidents: new Map(),
  quietPeriodHours: 0,
  lastCriticalAt: null,
  hypercareOverrun: null,
  gatePolicies: new Map(),
});

const withoutTeam = (launch: ExistingLaunch, teamId: string): ExistingLaunch => {
  const requiredTeams = new Set(launch.requiredTeams);
  requiredTeams.delete(teamId);
  return { ...launch, requiredTeams };
};

/** Applies the facts of one event; the lifecycle status follows the shared `launchStatusAfterEvent`. */
const applyFacts = (launch: ExistingLaunch, event: LaunchEvent): ExistingLaunch => {
  if (isIncidentEvent(event)) return applyIncidentFacts(launch, event);
  switch (event.type) {
    case 'LaunchRescheduled':
      return { ...launch, targetDate: event.data.targetDate };
    case 'LaunchEdited': {
      const { name, description, ownerUserId } = event.data;
      return { ...launch, name, description, ownerUserId };
    }
    case 'TeamRequired':
      return { ...launch, requiredTeams: new Set(launch.requiredTeams).add(event.data.teamId) };
    case 'TeamReleased':
      return withoutTeam(launch, event.data.teamId);
    case 'GoNoGoRecorded': {
      const { decision, notes, by, at } = event.data;
      return { ...launch, decision: { decision, notes, by, at } };
    }
    case 'LaunchWentLive': {
      const { at, hypercareEndsAt, quietPeriodHours } = event.data;
      return { ...launch, wentLiveAt: at, hypercareEndsAt, quietPeriodHours: quietPeriodHours ?? 0 };
    }
    case 'HypercareExtended': {
      const quietPeriodHours = event.data.quietPeriodHours ?? launch.quietPeriodHours;
      return {
        ...launch,
        hypercareEndsAt: event.data.hypercareEndsAt,
        quietPeriodHours,
        hypercareOverrun: null,
      };
    }
    case 'HypercareOverrun': {
      const { hypercareEndsAt, code, reason, at } = event.data;
      return { ...launch, hypercareOverrun: { hypercareEndsAt, code, reason, at } };
    }
    case 'GatePolicySet': {
      const { environment, requireReady, minReadinessPercent, requireGoDecision } = event.data;
      const policy = { requireReady, minReadinessPercent, requireGoDecision };
      return { ...launch, gatePolicies: new Map(launch.gatePolicies).set(environment, policy) };
    }
    default:
      // LaunchCreated is handled by `evolve`; closing, cancelling and gate audits change only the status.
      return launch;
  }
};

export const evolve = (state: LaunchState, event: LaunchEvent): LaunchState => {
  if (event.type === 'LaunchCreated') return created(event);
  // Events of a stream that was never created have nothing to apply to: keep the empty state.
  if (!state.exists) return state;
  const launch = applyFacts(state, event);
  const next = { ...launch, status: launchStatusAfterEvent(launch.status, event) ?? launch.status };
  return handOver(next, [state, launch]);
};
