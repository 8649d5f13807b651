import type { EventEnvelope } from '@tminus/contracts';
import type { ChecklistView, LaunchView, TeamView, TemplateView } from '../views';
import { applyChecklistEvent } from './checklist.reducer';
import { asChecklistEvent, asLaunchEvent, asTeamEvent, asTemplateEvent, viewKindOf } from './event-kinds';
import { applyLaunchEvent } from './launch.reducer';
import { applyTeamEvent } from './team.reducer';
import { applyTemplateEvent } from './template.reducer';

/** Every view, by id, with the indexes queries and commands need (maps: ids never hit Object.prototype). */
export interface ReadModelState {
  readonly launches: ReadonlyMap<string, LaunchView>;
  readonly checklists: ReadonlyMap<string, ChecklistView>;
  readonly teams: ReadonlyMap<string, TeamView>;
  readonly templates: ReadonlyMap<string, TemplateView>;
  readonly launchIdByKey: ReadonlyMap<string, string>;
  readonly teamIdByKey: ReadonlyMap<string, string>;
  readonly checklistIdByItemId: ReadonlyMap<string, string>;
  readonly launchIdByIncidentId: ReadonlyMap<string, string>;
  /** Every checklist ever opened for a launch, closed ones included, in the order they were opened. */
  readonly checklistIdsByLaunchId: ReadonlyMap<string, readonly string[]>;
}

type Draft = { -readonly [Name in keyof ReadModelState]: Map<string, MapValue<ReadModelState[Name]>> };
type MapValue<M> = M extends ReadonlyMap<string, infer Value> ? Value : never;

export const emptyReadModelState = (): ReadModelState => draftOf(null);

const draftOf = (state: ReadModelState | null): Draft => ({
  launches: new Map(state?.launches),
  checklists: new Map(state?.checklists),
  teams: new Map(state?.teams),
  templates: new Map(state?.templates),
  launchIdByKey: new Map(state?.launchIdByKey),
  teamIdByKey: new Map(state?.teamIdByKey),
  checklistIdByItemId: new Map(state?.checklistIdByItemId),
  launchIdByIncidentId: new Map(state?.launchIdByIncidentId),
  checklistIdsByLaunchId: new Map(state?.checklistIdsByLaunchId),
});

const applyToLaunch = (draft: Draft, envelope: EventEnvelope): void => {
  const id = asLaunchEvent(envelope)?.data.launchId;
  if (id === undefined) return;
  const next = applyLaunchEvent(draft.launches.get(id) ?? null, envelope);
  if (next === null) return;
  draft.launches.set(id, next);
  draft.launchIdByKey.set(next.key, id);
  for (const incident of next.incidents) draft.launchIdByIncidentId.set(incident.id, id);
};

const applyToChecklist = (draft: Draft, envelope: EventEnvelope): void => {
  const id = asChecklistEvent(envelope)?.data.checklistId;
  if (id === undefined) return;
  const previous = draft.checklists.get(id) ?? null;
  const next = applyChecklistEvent(previous, envelope);
  if (next === null) return;
  draft.checklists.set(id, next);
  for (const item of next.items) draft.checklistIdByItemId.set(item.id, id);
  if (previous === null) {
    const ids = draft.checklistIdsByLaunchId.get(next.launchId) ?? [];
    if (!ids.includes(id)) draft.checklistIdsByLaunchId.set(next.launchId, [...ids, id]);
  }
};

const applyToTeam = (draft: Draft, envelope: EventEnvelope): void => {
  const id = asTeamEvent(envelope)?.data.teamId;
  if (id === undefined) return;
  const next = applyTeamEvent(draft.teams.get(id) ?? null, envelope);
  if (next === null) return;
  draft.teams.set(id, next);
  draft.teamIdByKey.set(next.key, id);
};

const applyToTemplate = (draft: Draft, envelope: EventEnvelope): void => {
  const id = asTemplateEvent(envelope)?.data.templateId;
  if (id === undefined) return;
  const next = applyTemplateEvent(draft.templates.get(id) ?? null, envelope);
  if (next !== null) draft.templates.set(id, next);
};

const APPLY_BY_KIND = {
  launch: applyToLaunch,
  checklist: applyToChecklist,
  team: applyToTeam,
  template: applyToTemplate,
} as const;

/**
 * Applies envelopes in order (each stream's events in stream order; streams may interleave freely,
 * since every view depends on its own stream only). Copies the state once, so it suits bulk replays.
 */
export const replayEvents = (
  envelopes: Iterable<EventEnvelope>,
  from: ReadModelState = emptyReadModelState(),
): ReadModelState => {
  const draft = draftOf(from);
  for (const envelope of envelopes) {
    const kind = viewKindOf(envelope.type);
    if (kind !== null) APPLY_BY_KIND[kind](draft, envelope);
  }
  return draft;
};

/**
 * The state after one envelope, routed by its type (markers and unknown types change nothing). Pure:
 * it copies the state's maps, so a caller folding many events should use {@link replayEvents}.
 */
export const applyEvent = (state: ReadModelState, envelope: EventEnvelope): ReadModelState =>
  viewKindOf(envelope.type) === null ? state : replayEvents([envelope], state);

/** A launch by id or by key (the REST gate and GraphQL accept either). */
export const findLaunch = (state: ReadModelState, idOrKey: string): LaunchView | null =>
  state.launches.get(idOrKey) ?? state.launches.get(state.launchIdByKey.get(idOrKey) ?? '') ?? null;

export const checklistsOfLaunch = (state: ReadModelState, launchId: string): ChecklistView[] =>
  (state.checklistIdsByLaunchId.get(launchId) ?? []).flatMap((id) => state.checklists.get(id) ?? []);

/** The teams a launch requires, as far as they are known yet. */
export const teamsOfLaunch = (state: ReadModelState, launch: LaunchView): TeamView[] =>
  launch.requiredTeamIds.flatMap((id) => state.teams.get(id) ?? []);
