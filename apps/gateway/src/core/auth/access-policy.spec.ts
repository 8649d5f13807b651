import { ROLES, type Role } from '@tminus/contracts';
import { accessOf, type Access } from './access-matrix';
import { authorize } from './access-control';
import { ACCESS_RULES, type Operation } from './access-policy';
import type { Principal } from './principal';

// Written out by hand, role by role (ADMIN, LAUNCH_MANAGER, TEAM_MEMBER, PIPELINE): the access the product
// promises. The policy table must say exactly this.
const Y = 'yes' as const;
const N = 'no' as const;
const EXPECTED: Record<Operation, readonly [Access, Access, Access, Access]> = {
  createTeam: [Y, N, N, N],
  addTeamMember: [Y, N, 'lead', N],
  removeTeamMember: [Y, N, 'lead', N],
  createChecklistTemplate: [Y, Y, N, N],
  createLaunch: [Y, Y, N, N],
  rescheduleLaunch: [Y, Y, N, N],
  editLaunch: [Y, Y, N, N],
  requireTeam: [Y, Y, N, N],
  releaseTeam: [Y, Y, N, N],
  recordGoNoGo: [Y, Y, N, N],
  markLaunched: [Y, Y, N, N],
  reportIncident: [Y, Y, 'support', N],
  resolveIncident: [Y, Y, 'support', N],
  extendHypercare: [Y, Y, N, N],
  closeLaunch: [Y, Y, N, N],
  cancelLaunch: [Y, Y, N, N],
  setGatePolicy: [Y, Y, N, N],
  addChecklistItem: [Y, N, 'member', N],
  assignItem: [Y, Y, 'member', N],
  tickItem: [Y, N, 'member', N],
  untickItem: [Y, N, 'member', N],
  blockItem: [Y, N, 'member', N],
  unblockItem: [Y, N, 'member', N],
  waiveItem: [Y, Y, 'member', N],
  revokeWaiver: [Y, Y, 'member', N],
  approveWaiver: [Y, Y, N, N],
  rejectWaiver: [Y, Y, N, N],
  signOffChecklist: [Y, N, 'lead', N],
  createApiToken: [Y, N, N, N],
  revokeApiToken: [Y, N, N, N],
  apiTokens: [Y, N, N, N],
  auditLog: [Y, N, N, N],
  mapGithubEnvironment: [Y, Y, N, N],
  unmapGithubEnvironment: [Y, Y, N, N],
  githubEnvironmentMappings: [Y, Y, N, N],
  createWebhook: [Y, Y, N, N],
  deleteWebhook: [Y, Y, N, N],
  webhooks: [Y, Y, N, N],
  webhookDeliveries: [Y, Y, N, N],
  mapIncidentSource: [Y, Y, N, N],
  unmapIncidentSource: [Y, Y, N, N],
  incidentSources: [Y, Y, N, N],
  read: [Y, Y, Y, N],
  gate: [Y, Y, Y, Y],
  recordCheckResult: [Y, N, N, Y],
  readinessChanged: [Y, Y, Y, Y],
  launchActivity: [Y, Y, Y, N],
  viewer: [Y, Y, Y, Y],
};

const principal = (role: Role): Principal => ({
  tokenId: 't',
  tokenName: 'test',
  role,
  userId: 'u',
  teamIds: null,
  expiresAt: null,
});
const verdict = (role: Role, operation: Operation): 'allowed' | string => {
  try {
    authorize(principal(role), operation);
    return 'allowed';
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe('the access policy: role × operation', () => {
  it('names every operation the expectations name, and no other', () => {
    expect(Object.keys(ACCESS_RULES).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  const cases = Object.entries(EXPECTED).flatMap(([operation, row]) =>
    ROLES.map((role, index) => ({ operation: operation as Operation, role, expected: row[index] })),
  );

  it.each(cases)('$role → $operation: $expected', ({ operation, role, expected }) => {
    expect(accessOf(role, operation)).toBe(expected);
    expect(verdict(role, operation)).toBe(expected === 'no' ? 'FORBIDDEN' : 'allowed');
  });
});
