import type { EventEnvelope, TeamCreated, TeamEvent } from '@tminus/contracts';
import type { TeamMemberView, TeamView } from '../views';
import { asTeamEvent } from './event-kinds';
import { alreadyApplied, progress } from './stream-progress';

const created = ({ data }: TeamCreated, envelope: EventEnvelope): TeamView => ({
  id: data.teamId,
  key: data.key,
  name: data.name,
  function: data.function,
  members: [],
  createdAt: envelope.occurredAt,
  ...progress(envelope),
});

/** Adds the member or changes its role, keeping the members in the order they joined. */
const withMember = (team: TeamView, member: TeamMemberView): TeamView => ({
  ...team,
  members: team.members.some(({ userId }) => userId === member.userId)
    ? team.members.map((existing) => (existing.userId === member.userId ? member : existing))
    : [...team.members, member],
});

const applyFacts = (team: TeamView, event: TeamEvent): TeamView => {
  switch (event.type) {
    case 'TeamRenamed':
      return { ...team, name: event.data.name };
    case 'TeamMemberAdded':
    case 'TeamMemberRoleChanged':
      return withMember(team, { userId: event.data.userId, role: event.data.role });
    case 'TeamMemberRemoved':
      return { ...team, members: team.members.filter(({ userId }) => userId !== event.data.userId) };
    case 'TeamCreated':
      return team;
  }
};

/** The team document after one envelope; anything but a team event leaves it as it was. */
export const applyTeamEvent = (view: TeamView | null, envelope: EventEnvelope): TeamView | null => {
  const event = asTeamEvent(envelope);
  if (event === null) return view;
  if (view === null) return event.type === 'TeamCreated' ? created(event, envelope) : null;
  if (alreadyApplied(view.version, envelope)) return view;
  return { ...applyFacts(view, event), ...progress(envelope) };
};
