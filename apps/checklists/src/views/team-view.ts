import {
  TEAM_EVENT_TYPES,
  type EventEnvelope,
  type TeamEvent,
  type TeamFunction,
  type TeamRole,
} from '@tminus/contracts';
import { JsonView } from '@tminus/service-kit';

/** What the checklists service knows of a team: its function (templates) and members (sign-off). */
export interface TeamView {
  readonly teamId: string;
  readonly function: TeamFunction | null;
  readonly members: Readonly<Record<string, TeamRole>>;
}

export const teamViews = new JsonView<TeamView>('team');

const TEAM_EVENTS = new Set<string>(TEAM_EVENT_TYPES);

export const isTeamEvent = (event: EventEnvelope): event is EventEnvelope & TeamEvent =>
  TEAM_EVENTS.has(event.type);

/** The view after one event of the team's stream (pure). */
export function applyTeamEvent(view: TeamView | null, event: TeamEvent): TeamView {
  const current: TeamView = view ?? { teamId: event.data.teamId, function: null, members: {} };
  switch (event.type) {
    case 'TeamCreated':
      return { ...current, function: event.data.function };
    case 'TeamRenamed':
      return current;
    case 'TeamMemberAdded':
    case 'TeamMemberRoleChanged':
      return { ...current, members: { ...current.members, [event.data.userId]: event.data.role } };
    case 'TeamMemberRemoved': {
      const members = Object.fromEntries(
        Object.entries(current.members).filter(([userId]) => userId !== event.data.userId),
      );
      return { ...current, members };
    }
  }
}

/** The actor's role in the team, or null when the actor is not a member (or the team is unknown). */
export const roleIn = (view: TeamView | null, userId: string): TeamRole | null =>
  view !== null && Object.prototype.hasOwnProperty.call(view.members, userId) ? view.members[userId] : null;
