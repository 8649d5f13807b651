import { ErrorCodes, type CreateTeam } from '@tminus/contracts';
import { deciderSpec } from '@tminus/testing';
import { teamDecider } from '../team.decider';
import { context, TEAM_ID, teamCreated } from '../team.fixtures';

const spec = deciderSpec(teamDecider);
const createTeam = (data: Partial<CreateTeam['data']> = {}): CreateTeam => ({
  type: 'CreateTeam',
  data: { teamId: TEAM_ID, key: 'qa-core', name: 'QA Core', function: 'QA', ...data },
});

describe('CreateTeam', () => {
  it('creates the team', () => {
    spec
      .given([])
      .when(createTeam(), { context })
      .then([teamCreated('QA')]);
  });

  it('stores the name trimmed', () => {
    spec
      .given([])
      .when(createTeam({ name: '  QA Core  ' }), { context })
      .then([teamCreated('QA')]);
  });

  it('refuses a stream that already holds a team', () => {
    spec.given([teamCreated()]).when(createTeam(), { context }).thenThrows(ErrorCodes.TEAM_ALREADY_EXISTS);
  });

  it.each(['QA Core', 'Q', 'qa_core', '-qa', 'a'.repeat(65), ''])('refuses the key %j', (key) => {
    spec.given([]).when(createTeam({ key }), { context }).thenThrows(ErrorCodes.TEAM_INVALID_KEY);
  });

  it.each(['', '   ', 'x'.repeat(201)])('refuses the name %j', (name) => {
    spec.given([]).when(createTeam({ name }), { context }).thenThrows(ErrorCodes.TEAM_INVALID_NAME);
  });

  it('accepts a name of exactly 200 characters', () => {
    const name = 'x'.repeat(200);
    spec
      .given([])
      .when(createTeam({ name }), { context })
      .then([{ type: 'TeamCreated', data: { ...teamCreated().data, name } }]);
  });

  it('refuses an unknown function', () => {
    const command = createTeam({ function: 'FINANCE' as CreateTeam['data']['function'] });
    spec.given([]).when(command, { context }).thenThrows(ErrorCodes.TEAM_INVALID_INPUT);
  });

  it('refuses a blank team id', () => {
    spec
      .given([])
      .when(createTeam({ teamId: ' ' }), { context })
      .thenThrows(ErrorCodes.TEAM_INVALID_INPUT);
  });
});
