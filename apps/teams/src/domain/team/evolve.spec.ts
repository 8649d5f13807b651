import { fold } from '@tminus/contracts';
import { isLead, leadsOf, type ExistingTeam } from './state';
import { teamDecider } from './team.decider';
import { TEAM_ID, teamWith } from './team.fixtures';

const existing = (state: ReturnType<typeof teamDecider.initialState>): ExistingTeam => {
  if (!state.exists) throw new Error('expected an existing team');
  return state;
};

describe('team evolve', () => {
  it('starts with no team', () => {
    expect(teamDecider.initialState()).toEqual({ exists: false });
  });

  it('folds creation, renames, role changes and removals into the current team', () => {
    const team = existing(
      fold(teamDecider, [
        ...teamWith(['bob', 'MEMBER'], ['carol', 'LEAD'], ['dave', 'MEMBER']),
        { type: 'TeamRenamed', data: { teamId: TEAM_ID, name: 'Quality' } },
        { type: 'TeamMemberRoleChanged', data: { teamId: TEAM_ID, userId: 'bob', role: 'LEAD' } },
        { type: 'TeamMemberRemoved', data: { teamId: TEAM_ID, userId: 'dave' } },
      ]),
    );
    expect(team).toEqual({
      exists: true,
      teamId: TEAM_ID,
      key: 'qa-core',
      name: 'Quality',
      function: 'QA',
      members: new Map([
        ['bob', 'LEAD'],
        ['carol', 'LEAD'],
      ]),
    });
    expect(leadsOf(team)).toEqual(['bob', 'carol']);
    expect(isLead(team, 'bob')).toBe(true);
    expect(isLead(team, 'dave')).toBe(false);
  });

  it('does not mutate the previous state', () => {
    const before = existing(fold(teamDecider, teamWith(['bob', 'LEAD'])));
    teamDecider.evolve(before, { type: 'TeamMemberRemoved', data: { teamId: TEAM_ID, userId: 'bob' } });
    expect(before.members.get('bob')).toBe('LEAD');
  });

  it('ignores events of a stream that was never created', () => {
    const state = teamDecider.evolve(teamDecider.initialState(), {
      type: 'TeamRenamed',
      data: { teamId: TEAM_ID, name: 'Quality' },
    });
    expect(state).toEqual({ exists: false });
  });
});
