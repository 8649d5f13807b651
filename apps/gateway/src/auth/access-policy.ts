import type { Role } from '@tminus/contracts';

/** Who may do what (docs/adr/0005-gateway.md explains the choices). */
export interface AccessRule {
  readonly roles: readonly Role[];
  /**
   * For TEAM_MEMBER tokens: the checklist's team must be one the user belongs to (and one the token is
   * limited to, if it is); 'lead' also requires the LEAD role in that team. Other roles are not scoped.
   */
  readonly teamScope?: 'member' | 'lead';
}

const ADMIN: Role[] = ['ADMIN'];
const MANAGERS: Role[] = ['ADMIN', 'LAUNCH_MANAGER'];
const TEAM_WORK: Role[] = ['ADMIN', 'TEAM_MEMBER'];
const PEOPLE: Role[] = ['ADMIN', 'LAUNCH_MANAGER', 'TEAM_MEMBER'];
const EVERYONE: Role[] = ['ADMIN', 'LAUNCH_MANAGER', 'TEAM_MEMBER', 'PIPELINE'];

export const ACCESS_RULES = {
  // Teams and templates: launch managers set up who takes part and what checklists ask for.
  // Team members cannot change memberships, since membership is what scopes their tokens.
  createTeam: { roles: MANAGERS },
  addTeamMember: { roles: MANAGERS },
  removeTeamMember: { roles: MANAGERS },
  createChecklistTemplate: { roles: MANAGERS },
  // Launches, decisions, incidents, gate policies.
  createLaunch: { roles: MANAGERS },
  rescheduleLaunch: { roles: MANAGERS },
  editLaunch: { roles: MANAGERS },
  requireTeam: { roles: MANAGERS },
  releaseTeam: { roles: MANAGERS },
  recordGoNoGo: { roles: MANAGERS },
  markLaunched: { roles: MANAGERS },
  reportIncident: { roles: MANAGERS },
  resolveIncident: { roles: MANAGERS },
  extendHypercare: { roles: MANAGERS },
  closeLaunch: { roles: MANAGERS },
  cancelLaunch: { roles: MANAGERS },
  setGatePolicy: { roles: MANAGERS },
  // Checklist work belongs to the team; waivers are also the launch manager's call.
  addChecklistItem: { roles: TEAM_WORK, teamScope: 'member' },
  tickItem: { roles: TEAM_WORK, teamScope: 'member' },
  untickItem: { roles: TEAM_WORK, teamScope: 'member' },
  blockItem: { roles: TEAM_WORK, teamScope: 'member' },
  unblockItem: { roles: TEAM_WORK, teamScope: 'member' },
  waiveItem: { roles: PEOPLE, teamScope: 'member' },
  revokeWaiver: { roles: PEOPLE, teamScope: 'member' },
  // Someone other than the requester approves (the checklists service refuses self-approval).
  approveWaiver: { roles: MANAGERS },
  rejectWaiver: { roles: MANAGERS },
  signOffChecklist: { roles: TEAM_WORK, teamScope: 'lead' },
  // Tokens.
  createApiToken: { roles: ADMIN },
  revokeApiToken: { roles: ADMIN },
  apiTokens: { roles: ADMIN },
  // Reads. Pipelines read gates (and wait for readiness changes), nothing else.
  read: { roles: PEOPLE },
  gate: { roles: EVERYONE },
  readinessChanged: { roles: EVERYONE },
  launchActivity: { roles: PEOPLE },
  viewer: { roles: EVERYONE },
} as const satisfies Record<string, AccessRule>;

export type Operation = keyof typeof ACCESS_RULES;

/** The mutations of the API, as named in the schema. */
export const MUTATION_OPERATIONS = [
  'createTeam',
  'addTeamMember',
  'removeTeamMember',
  'createChecklistTemplate',
  'createLaunch',
  'rescheduleLaunch',
  'editLaunch',
  'requireTeam',
  'releaseTeam',
  'recordGoNoGo',
  'markLaunched',
  'reportIncident',
  'resolveIncident',
  'extendHypercare',
  'closeLaunch',
  'cancelLaunch',
  'setGatePolicy',
  'addChecklistItem',
  'tickItem',
  'untickItem',
  'blockItem',
  'unblockItem',
  'waiveItem',
  'revokeWaiver',
  'approveWaiver',
  'rejectWaiver',
  'signOffChecklist',
  'createApiToken',
  'revokeApiToken',
] as const satisfies readonly Operation[];

export type MutationOperation = (typeof MUTATION_OPERATIONS)[number];

export const ruleOf = (operation: Operation): AccessRule => ACCESS_RULES[operation];
