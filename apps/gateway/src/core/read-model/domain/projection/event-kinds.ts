import {
  CHECKLIST_EVENT_TYPES,
  LAUNCH_EVENT_TYPES,
  TEAM_EVENT_TYPES,
  type ChecklistEvent,
  type ChecklistTemplateEvent,
  type EventEnvelope,
  type LaunchEvent,
  type TeamEvent,
} from '@tminus/contracts';

// Event types are unique across the three services, so the type alone says which view an event feeds
// (the envelope's `source` cannot: templates and checklists both come from the checklists service).
const TEMPLATE_TYPES: ReadonlySet<string> = new Set<ChecklistTemplateEvent['type']>([
  'ChecklistTemplateCreated',
  'ChecklistTemplateRevised',
]);
const LAUNCH_TYPES: ReadonlySet<string> = new Set(LAUNCH_EVENT_TYPES);
const CHECKLIST_TYPES: ReadonlySet<string> = new Set(
  CHECKLIST_EVENT_TYPES.filter((type) => !TEMPLATE_TYPES.has(type)),
);
const TEAM_TYPES: ReadonlySet<string> = new Set(TEAM_EVENT_TYPES);

export type ViewKind = 'launch' | 'checklist' | 'team' | 'template';

/** Which view an event feeds; null for markers (CommandRejected/CommandAccepted) and unknown types. */
export const viewKindOf = (type: string): ViewKind | null => {
  if (LAUNCH_TYPES.has(type)) return 'launch';
  if (CHECKLIST_TYPES.has(type)) return 'checklist';
  if (TEAM_TYPES.has(type)) return 'team';
  if (TEMPLATE_TYPES.has(type)) return 'template';
  return null;
};

// The casts trust the contracts: events were validated by their deciders when written, and older
// schema versions are lifted by the event store's upcasters before they reach a projection.
const narrow =
  <Event>(types: ReadonlySet<string>) =>
  (envelope: EventEnvelope): Event | null =>
    types.has(envelope.type) ? ({ type: envelope.type, data: envelope.data } as Event) : null;

export const asLaunchEvent = narrow<LaunchEvent>(LAUNCH_TYPES);
export const asChecklistEvent = narrow<ChecklistEvent>(CHECKLIST_TYPES);
export const asTeamEvent = narrow<TeamEvent>(TEAM_TYPES);
export const asTemplateEvent = narrow<ChecklistTemplateEvent>(TEMPLATE_TYPES);
