import type { Role } from '@tminus/contracts';

/** Who may do what (docs/adr/0005-gateway.md explains the choices). */
/**
 * How a TEAM_MEMBER token is scoped (other roles are not): 'member' — the user belongs to the team the
 * operation touches (the checklist's, or the team itself), and the token covers it if it is limited to
 * teams; 'lead' — the same, as a LEAD of it; 'support' — the user belongs to a SUPPORT or OPERATIONS team
 * required for the launch (and the token covers one such team).
 */
export type TeamScope = 'member' | 'lead' | 'support';

export interface AccessRule {
  readonly roles: readonly Role[];
  readonly teamScope?: TeamScope;
}

const ADMIN: Role[] = ['ADMIN'];
const MANAGERS: Role[] = ['ADMIN', 'LAUNCH_MANAGER'];
const TEAM_WORK: Role[] = ['ADMIN', 'TEAM_MEMBER'];
const MANAGERS_AND_SUPPORT: Role[] = ['ADMIN', 'LAUNCH_MANAGER', 'TEAM_MEMBER'];
const PEOPLE: Role[] = ['ADMIN', 'LAUNCH_MANAGER', 'TEAM_MEMBER'];
const EVERYONE: Role[] = ['ADMIN', 'LAUNCH_MANAGER', 'TEAM_MEMBER', 'PIPELINE'];

export const ACCESS_RULES = {
  // Teams: membership is what scopes team tokens and who may sign off, so only an admin creates teams
  // and only an admin or a LEAD of the team changes its members (a launch manager cannot make
  // themself a lead).
  createTeam: { roles: ADMIN },
  addTeamMember: { roles: TEAM_WORK, teamScope: 'lead' },
  removeTeamMember: { roles: TEAM_WORK, teamScope: 'lead' },
  // Templates: launch managers decide what checklists ask for.
  createChecklistTemplate: { roles: MANAGERS },
  // Launches, decisions, incidents, gate policies.
  createLaunch: { roles: MANAGERS },
  rescheduleLaunch: { roles: MANAGERS },
  editLaunch: { roles: MANAGERS },
  requireTeam: { roles: MANAGERS },
  releaseTeam: { roles: MANAGERS },
  recordGoNoGo: { roles: MANAGERS },
  markLaunched: { roles: MANAGERS },
  // Support and operations teams required for the launch report and resolve its incidents too.
  reportIncident: { roles: MANAGERS_AND_SUPPORT, teamScope: 'support' },
  resolveIncident: { roles: MANAGERS_AND_SUPPORT, teamScope: 'support' },
  extendHypercare: { roles: MANAGERS },
  closeLaunch: { roles: MANAGERS },
  cancelLaunch: { roles: MANAGERS },
  setGatePolicy: { roles: MANAGERS },
  // Checklist work belongs to the team; waivers are also the launch manager's call.
  addChecklistItem: { roles: TEAM_WORK, teamScope: 'member' },
  // Launch managers hand out work too.
  assignItem: { roles: PEOPLE, teamScope: 'member' },
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
  // The GitHub deployment protection rule: which repository environment gates on which launch.
  mapGithubEnvironment: { roles: MANAGERS },
  unmapGithubEnvironment: { roles: MANAGERS },
  githubEnvironmentMappings: { roles: MANAGERS },
  // Webhooks send launch data out of tminus: launch managers decide where it goes.
  createWebhook: { roles: MANAGERS },
  deleteWebhook: { roles: MANAGERS },
  webhooks: { roles: MANAGERS },
  webhookDeliveries: { roles: MANAGERS },
  // Which on-call tool's incidents feed which launch's hypercare.
  mapIncidentSource: { roles: MANAGERS },
  unmapIncidentSource: { roles: MANAGERS },
  incidentSources: { roles: MANAGERS },
  // The audit log shows everyone's changes, tokens included.
  auditLog: { roles: ADMIN },
  // Reads. Pipelines read gates (and wait for readiness changes), nothing else.
  read: { roles: PEOPLE },
  gate: { roles: EVERYONE },
  // CI results (POST /v1/checks) tick and reopen items that name a check: pipelines report them.
  recordCheckResult: { roles: ['ADMIN', 'PIPELINE'] },
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
  'assignItem',
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
  'mapGithubEnvironment',
  'unmapGithubEnvironment',
  'createWebhook',
  'deleteWebhook',
  'mapIncidentSource',
  'unmapIncidentSource',
] as const satisfies readonly Operation[];

export type MutationOperation = (typeof MUTATION_OPERATIONS)[number];

/** The operation each query and subscription of the schema is authorized as. */
export const QUERY_OPERATIONS = {
  launch: 'read',
  launches: 'read',
  launchAsOf: 'read',
  team: 'read',
  teams: 'read',
  checklist: 'read',
  checklistTemplates: 'read',
  myItems: 'read',
  gate: 'gate',
  apiTokens: 'apiTokens',
  auditLog: 'auditLog',
  viewer: 'viewer',
  githubEnvironmentMappings: 'githubEnvironmentMappings',
  webhooks: 'webhooks',
  webhookDeliveries: 'webhookDeliveries',
  incidentSources: 'incidentSources',
} as const satisfies Record<string, Operation>;

export const SUBSCRIPTION_OPERATIONS = {
  readinessChanged: 'readinessChanged',
  launchActivity: 'launchActivity',
} as const satisfies Record<string, Operation>;

export const ruleOf = (operation: Operation): AccessRule => ACCESS_RULES[operation];
