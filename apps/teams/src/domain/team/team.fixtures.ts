import type {
  DecideContext,
  TeamCreated,
  TeamEvent,
  TeamFunction,
  TeamMemberAdded,
  TeamRole,
} from '@tminus/contracts';

/** Shared givens for the team specs. */
export const TEAM_ID = 'team-1';

export const context: DecideContext = {
  now: new Date('2026-03-01T09:00:00.000Z'),
  actor: { userId: 'admin', role: 'ADMIN' },
};

export const teamCreated = (fn: TeamFunction = 'QA'): TeamCreated => ({
  type: 'TeamCreated',
  data: { teamId: TEAM_ID, key: 'qa-core', name: 'QA Core', function: fn },
});

export const memberAdded = (userId: string, role: TeamRole): TeamMemberAdded => ({
  type: 'TeamMemberAdded',
  data: { teamId: TEAM_ID, userId, role },
});

export const teamWith = (...members: [string, TeamRole][]): TeamEvent[] => [
  teamCreated(),
  ...members.map(([userId, role]) => memberAdded(userId, role)),
];
