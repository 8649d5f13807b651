import type { Role } from '@tminus/contracts';
import type { TeamView } from '../read-model/domain';
import { authorize, authorizeForTeam } from './access-control';
import type { Principal } from './principal';

const principal = (role: Role, overrides: Partial<Principal> = {}): Principal => ({
  tokenId: 'token-1',
  tokenName: 'test',
  role,
  userId: 'alice',
  teamIds: null,
  expiresAt: null,
  ...overrides,
});

const team = (members: TeamView['members'], id = 'team-qa'): TeamView => ({
  id,
  key: 'qa',
  name: 'QA',
  function: 'QA',
  members,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 1,
});

const codeOf = (action: () => unknown): string | undefined => {
  try {
    action();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
};

describe('authorize', () => {
  it('asks for a token first', () => {
    expect(codeOf(() => authorize(null, 'read'))).toBe('UNAUTHENTICATED');
    expect(codeOf(() => authorize(null, 'gate'))).toBe('UNAUTHENTICATED');
  });

  it.each<[Role, string, string | undefined]>([
    ['ADMIN', 'createApiToken', undefined],
    ['LAUNCH_MANAGER', 'createApiToken', 'FORBIDDEN'],
    ['LAUNCH_MANAGER', 'recordGoNoGo', undefined],
    ['LAUNCH_MANAGER', 'waiveItem', undefined],
    ['LAUNCH_MANAGER', 'tickItem', 'FORBIDDEN'],
    ['TEAM_MEMBER', 'tickItem', undefined],
    ['TEAM_MEMBER', 'createLaunch', 'FORBIDDEN'],
    ['TEAM_MEMBER', 'addTeamMember', 'FORBIDDEN'],
    ['PIPELINE', 'gate', undefined],
    ['PIPELINE', 'readinessChanged', undefined],
    ['PIPELINE', 'read', 'FORBIDDEN'],
    ['PIPELINE', 'tickItem', 'FORBIDDEN'],
  ])('%s may %s → %s', (role, operation, expected) => {
    expect(codeOf(() => authorize(principal(role), operation as Parameters<typeof authorize>[1]))).toBe(
      expected,
    );
  });

  it('returns the principal when allowed', () => {
    const admin = principal('ADMIN');
    expect(authorize(admin, 'createLaunch')).toBe(admin);
  });
});

describe('authorizeForTeam (TEAM_MEMBER tokens act only for their own teams)', () => {
  const qa = team([
    { userId: 'alice', role: 'LEAD' },
    { userId: 'bob', role: 'MEMBER' },
  ]);

  it('lets members of the checklist team work on it', () => {
    expect(codeOf(() => authorizeForTeam(principal('TEAM_MEMBER'), 'tickItem', qa.id, qa))).toBeUndefined();
    expect(
      codeOf(() => authorizeForTeam(principal('TEAM_MEMBER', { userId: 'bob' }), 'blockItem', qa.id, qa)),
    ).toBeUndefined();
  });

  it('refuses users outside the team, and teams unknown to the read model', () => {
    expect(
      codeOf(() => authorizeForTeam(principal('TEAM_MEMBER', { userId: 'carol' }), 'tickItem', qa.id, qa)),
    ).toBe('FORBIDDEN');
    expect(codeOf(() => authorizeForTeam(principal('TEAM_MEMBER'), 'tickItem', 'team-x', null))).toBe(
      'FORBIDDEN',
    );
  });

  it('lets only a LEAD sign off', () => {
    expect(
      codeOf(() => authorizeForTeam(principal('TEAM_MEMBER'), 'signOffChecklist', qa.id, qa)),
    ).toBeUndefined();
    expect(
      codeOf(() =>
        authorizeForTeam(principal('TEAM_MEMBER', { userId: 'bob' }), 'signOffChecklist', qa.id, qa),
      ),
    ).toBe('FORBIDDEN');
  });

  it('holds a token limited to some teams to those teams, even where the user is a member', () => {
    const limited = principal('TEAM_MEMBER', { teamIds: ['team-sec'] });
    expect(codeOf(() => authorizeForTeam(limited, 'tickItem', qa.id, qa))).toBe('FORBIDDEN');
    const covering = principal('TEAM_MEMBER', { teamIds: ['team-qa'] });
    expect(codeOf(() => authorizeForTeam(covering, 'tickItem', qa.id, qa))).toBeUndefined();
  });

  it('does not scope other roles', () => {
    expect(
      codeOf(() => authorizeForTeam(principal('ADMIN', { userId: 'zed' }), 'tickItem', qa.id, qa)),
    ).toBeUndefined();
    expect(
      codeOf(() =>
        authorizeForTeam(principal('LAUNCH_MANAGER', { userId: 'zed' }), 'waiveItem', qa.id, null),
      ),
    ).toBeUndefined();
  });
});
