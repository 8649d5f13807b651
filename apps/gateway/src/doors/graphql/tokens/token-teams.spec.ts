import type { TeamView } from '../../../core/read-model/domain';
import { requireOwnTeams } from './token-teams';

const team = (id: string, key: string, members: string[]): TeamView => ({
  id,
  key,
  name: key,
  function: 'QA',
  members: members.map((userId) => ({ userId, role: 'MEMBER' })),
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 1,
});
const TEAMS = [team('t-qa', 'qa', ['dana']), team('t-sec', 'sec', ['erin'])];
const find = async (ref: string) => TEAMS.find((t) => t.id === ref || t.key === ref) ?? null;

const refusal = async (call: Promise<unknown>) =>
  call.then(
    () => null,
    (error: { code: string; message: string }) => ({ code: error.code, message: error.message }),
  );

describe('requireOwnTeams (a token limited to teams its user belongs to)', () => {
  it('answers the ids of teams the user belongs to, by id or key; no limit stays no limit', async () => {
    expect(await requireOwnTeams('dana', ['qa'], find)).toEqual(['t-qa']);
    expect(await requireOwnTeams('dana', null, find)).toBeNull();
  });

  it('refuses a team the user is not a member of, naming it', async () => {
    expect(await refusal(requireOwnTeams('dana', ['qa', 't-sec'], find))).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'input.teamIds: user dana is not a member of: sec',
    });
  });

  it('refuses unknown teams', async () => {
    expect(await refusal(requireOwnTeams('dana', ['nope'], find))).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
