import type { Role } from '@tminus/contracts';
import type { TeamView } from '../read-model/domain';
import type { LaunchView } from '../read-model/domain';
import { authorize, authorizeForLaunchSupport, authorizeForTeam } from './access-control';
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

const team = (
  members: TeamView['members'],
  id = 'team-qa',
  teamFunction: TeamView['function'] = 'QA',
): TeamView => ({
  id,
  key: id.replace('team-', ''),
  name: id.replace('team-', '').toUpperCase(),
  function: teamFunction,
  members,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 1,
});

const messageOf = (action: () => unknown): string | undefined => {
  try {
    action();
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
};

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
    ['TEAM_MEMBER', 'createTeam', 'FORBIDDEN'],
    ['LAUNCH_MANAGER', 'addTeamMember', 'FORBIDDEN'],
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

  it('says whether membership or the token scope is the reason', () => {
    const outsider = principal('TEAM_MEMBER', { userId: 'carol' });
    expect(messageOf(() => authorizeForTeam(outsider, 'tickItem', qa.id, qa))).toBe(
      'User carol is not a member of team QA (qa)',
    );
    const limited = principal('TEAM_MEMBER', { teamIds: ['team-sec'] });
    expect(messageOf(() => authorizeForTeam(limited, 'tickItem', qa.id, qa))).toMatch(
      /token \(test\) is limited to other teams than team QA \(qa\); alice is a member/,
    );
  });

  it('lets only a LEAD of the team change its members', () => {
    expect(
      codeOf(() => authorizeForTeam(principal('TEAM_MEMBER'), 'addTeamMember', qa.id, qa)),
    ).toBeUndefined();
    const member = principal('TEAM_MEMBER', { userId: 'bob' });
    expect(codeOf(() => authorizeForTeam(member, 'removeTeamMember', qa.id, qa))).toBe('FORBIDDEN');
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

describe('authorizeForLaunchSupport (support and operations report incidents)', () => {
  const support = team([{ userId: 'sam', role: 'MEMBER' }], 'team-support', 'SUPPORT');
  const ops = team([{ userId: 'otto', role: 'LEAD' }], 'team-ops', 'OPERATIONS');
  const qa = team([{ userId: 'quinn', role: 'LEAD' }], 'team-qa', 'QA');
  const bench = team([{ userId: 'bea', role: 'MEMBER' }], 'team-bench', 'SUPPORT');
  const launch = { key: 'checkout', requiredTeamIds: [support.id, ops.id, qa.id] } as unknown as LaunchView;
  const teams = [support, ops, qa, bench];
  const check =
    (who: Principal, operation: 'reportIncident' | 'resolveIncident' = 'reportIncident') =>
    () =>
      authorizeForLaunchSupport(who, operation, launch, teams);

  it('lets members of a required SUPPORT or OPERATIONS team report and resolve', () => {
    expect(codeOf(check(principal('TEAM_MEMBER', { userId: 'sam' })))).toBeUndefined();
    expect(codeOf(check(principal('TEAM_MEMBER', { userId: 'otto' }), 'resolveIncident'))).toBeUndefined();
  });

  it('refuses other functions and support teams the launch does not require, saying so', () => {
    expect(messageOf(check(principal('TEAM_MEMBER', { userId: 'quinn' })))).toBe(
      'User quinn is not a member of a SUPPORT or OPERATIONS team required for launch checkout',
    );
    expect(codeOf(check(principal('TEAM_MEMBER', { userId: 'bea' })))).toBe('FORBIDDEN');
  });

  it('refuses a token whose scope leaves the support team out, naming the scope', () => {
    const limited = principal('TEAM_MEMBER', { userId: 'sam', teamIds: [qa.id] });
    expect(messageOf(check(limited))).toMatch(/limited to other teams than SUPPORT \(support\)/);
  });

  it('does not scope managers and admins', () => {
    expect(codeOf(check(principal('LAUNCH_MANAGER', { userId: 'zed' })))).toBeUndefined();
  });
});
