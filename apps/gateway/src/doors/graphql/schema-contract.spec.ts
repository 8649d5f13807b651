import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isObjectType,
  type GraphQLField,
  type GraphQLNamedType,
} from 'graphql';

// The public API contract of the product (its fixed operation names), checked against the committed schema.graphql.
const schema = buildSchema(readFileSync(join(__dirname, '../../../../../schema.graphql'), 'utf8'));

const typeOf = (name: string): GraphQLNamedType => {
  const type = schema.getType(name);
  if (!type) throw new Error(`type ${name} is missing`);
  return type;
};

const signature = (field: GraphQLField<unknown, unknown>): string =>
  `(${field.args
    .map((arg) => `${arg.name}: ${String(arg.type)}`)
    .sort()
    .join(', ')}): ${String(field.type)}`;

const inputFields = (name: string): Record<string, string> => {
  const type = typeOf(name);
  if (!isInputObjectType(type)) throw new Error(`${name} is not an input type`);
  return Object.fromEntries(Object.values(type.getFields()).map((field) => [field.name, String(field.type)]));
};

const inputOf = (root: 'Mutation', name: string): string => {
  const field = schema.getMutationType()?.getFields()[name];
  if (!field) throw new Error(`${root}.${name} is missing`);
  expect(field.args.map((arg) => arg.name)).toEqual(['input']);
  return getNamedType(field.args[0].type).name;
};

describe("the public API contract (the product's fixed operation names)", () => {
  it.each([
    ['launch', '(id: ID, key: String): Launch'],
    ['launches', '(after: String, first: Int, status: LaunchStatus): LaunchConnection!'],
    ['team', '(id: ID, key: String): Team'],
    ['teams', '(): [Team!]!'],
    ['checklistTemplates', '(): [ChecklistTemplate!]!'],
    ['gate', '(environment: String!, launch: String!): GateDecision!'],
    ['launchAsOf', '(at: DateTime, id: ID!, position: String): Launch'],
    ['auditLog', '(actor: String, after: String, first: Int, launchId: ID): AuditConnection!'],
    ['myItems', '(after: String, first: Int): ChecklistItemConnection!'],
  ])('query %s%s', (name, expected) => {
    const field = schema.getQueryType()?.getFields()[name];
    expect(field && signature(field)).toBe(expected);
  });

  it.each([
    ['readinessChanged', '(launchId: ID!): ReadinessChange!'],
    ['launchActivity', '(launchId: ID!): HistoryEntry!'],
  ])('subscription %s%s', (name, expected) => {
    const field = schema.getSubscriptionType()?.getFields()[name];
    expect(field && signature(field)).toBe(expected);
  });

  it.each([
    ['createTeam', 'Team!', { key: 'String!', name: 'String!', function: 'TeamFunction!' }],
    ['addTeamMember', 'Team!', { teamId: 'ID!', userId: 'String!', role: 'TeamRole!' }],
    [
      'createChecklistTemplate',
      'ChecklistTemplate!',
      { function: 'TeamFunction!', name: 'String!', items: '[TemplateItemInput!]!' },
    ],
    [
      'createLaunch',
      'Launch!',
      { key: 'String!', name: 'String!', targetDate: 'DateTime!', description: 'String' },
    ],
    ['rescheduleLaunch', 'Launch!', { launchId: 'ID!', targetDate: 'DateTime!' }],
    ['requireTeam', 'Launch!', { launchId: 'ID!', teamId: 'ID!', signOffsRequired: 'Int' }],
    ['releaseTeam', 'Launch!', { launchId: 'ID!', teamId: 'ID!' }],
    [
      'addChecklistItem',
      'ChecklistItem!',
      { checklistId: 'ID!', title: 'String!', required: 'Boolean!', dueDate: 'DateTime', check: 'String' },
    ],
    ['assignItem', 'ChecklistItem!', { itemId: 'ID!', owner: 'String' }],
    ['tickItem', 'ChecklistItem!', { itemId: 'ID!', evidenceUrl: 'String' }],
    ['untickItem', 'ChecklistItem!', { itemId: 'ID!' }],
    ['waiveItem', 'ChecklistItem!', { itemId: 'ID!', reason: 'String!', expiresAt: 'DateTime' }],
    ['approveWaiver', 'ChecklistItem!', { itemId: 'ID!' }],
    ['rejectWaiver', 'ChecklistItem!', { itemId: 'ID!', reason: 'String!' }],
    ['blockItem', 'ChecklistItem!', { itemId: 'ID!', reason: 'String!' }],
    ['unblockItem', 'ChecklistItem!', { itemId: 'ID!' }],
    ['signOffChecklist', 'Checklist!', { checklistId: 'ID!' }],
    ['recordGoNoGo', 'Launch!', { launchId: 'ID!', decision: 'GoDecision!', notes: 'String' }],
    ['markLaunched', 'Launch!', { launchId: 'ID!', hypercareDays: 'Int' }],
    ['reportIncident', 'Incident!', { launchId: 'ID!', severity: 'Severity!', title: 'String!' }],
    ['resolveIncident', 'Incident!', { incidentId: 'ID!' }],
    ['extendHypercare', 'Launch!', { launchId: 'ID!' }],
    ['closeLaunch', 'Launch!', { launchId: 'ID!' }],
    ['cancelLaunch', 'Launch!', { launchId: 'ID!' }],
    [
      'createApiToken',
      'CreatedApiToken!',
      { name: 'String!', role: 'Role!', userId: 'String', teamIds: '[ID!]' },
    ],
    ['revokeApiToken', 'ApiToken!', {}],
  ])('mutation %s(input): %s', (name, returns, fields) => {
    const input = inputOf('Mutation', name);
    expect(String(schema.getMutationType()?.getFields()[name].type)).toBe(returns);
    expect(inputFields(input)).toMatchObject(fields);
  });

  it('template items have the documented fields', () => {
    expect(inputFields('TemplateItemInput')).toEqual({
      title: 'String!',
      description: 'String',
      required: 'Boolean!',
      dueDaysBeforeLaunch: 'Int',
      owner: 'String',
      check: 'String',
    });
  });

  it.each([
    [
      'TeamFunction',
      [
        'ENGINEERING',
        'QA',
        'SECURITY',
        'DOCS',
        'MARKETING',
        'SALES',
        'SUPPORT',
        'LEGAL',
        'OPERATIONS',
        'OTHER',
      ],
    ],
    ['TeamRole', ['LEAD', 'MEMBER']],
    ['GoDecision', ['GO', 'NO_GO']],
    ['Severity', ['SEV1', 'SEV2', 'SEV3', 'SEV4']],
    ['LaunchStatus', ['PLANNING', 'GO', 'HYPERCARE', 'CLOSED', 'CANCELLED']],
    ['ItemState', ['OPEN', 'DONE', 'WAIVED', 'BLOCKED']],
    ['SupportStatus', ['GREEN', 'AMBER', 'RED']],
    ['GateDecisionKind', ['ALLOWED', 'DENIED']],
    ['Role', ['ADMIN', 'LAUNCH_MANAGER', 'TEAM_MEMBER', 'PIPELINE']],
    ['WaiverStatus', ['REQUESTED', 'APPROVED', 'REJECTED', 'REVOKED', 'EXPIRED']],
  ])('enum %s has the upper-case values', (name, values) => {
    const type = typeOf(name);
    expect(
      isEnumType(type) &&
        type
          .getValues()
          .map((value) => value.name)
          .sort(),
    ).toEqual([...values].sort());
  });

  /** Follows a dotted path of fields from a type and returns the named type at its end. */
  const at = (type: string, path: string): string =>
    path.split('.').reduce((current, name) => {
      const named = typeOf(current);
      if (!isObjectType(named)) throw new Error(`${current} has no fields`);
      const field = named.getFields()[name];
      if (!field) throw new Error(`${current}.${name} is missing`);
      return getNamedType(field.type).name;
    }, type);

  it.each([
    'id',
    'key',
    'name',
    'status',
    'targetDate',
    'readiness.ready',
    'readiness.percent',
    'readiness.blockers.code',
    'readiness.blockers.message',
    'readiness.blockers.team',
    'readiness.blockers.item',
    'teams.team.id',
    'teams.team.key',
    'teams.checklist.id',
    'teams.checklist.signedOff',
    'teams.checklist.signOffsRequired',
    'teams.checklist.signOffs.userId',
    'teams.checklist.signOffs.at',
    'teams.checklist.items.id',
    'teams.checklist.items.title',
    'teams.checklist.items.required',
    'teams.checklist.items.state',
    'teams.checklist.items.waiver.status',
    'teams.checklist.items.waiver.reason',
    'teams.checklist.items.waiver.requestedBy',
    'teams.checklist.items.waiver.approvedBy',
    'teams.checklist.items.waiver.expiresAt',
    'teams.ready',
    'decision.decision',
    'decision.notes',
    'support.status',
    'support.hypercareEndsAt',
    'support.incidents.id',
    'support.incidents.severity',
    'support.incidents.status',
    'history.edges.node.id',
  ])('Launch exposes %s', (path) => {
    expect(() => at('Launch', path)).not.toThrow();
  });

  it.each(['decision', 'reasons.code', 'reasons.message', 'evaluatedAt', 'readiness.ready', 'position'])(
    'GateDecision exposes %s',
    (path) => {
      expect(() => at('GateDecision', path)).not.toThrow();
    },
  );

  it('CreatedApiToken has id and token', () => {
    expect(at('CreatedApiToken', 'id')).toBe('ID');
    expect(at('CreatedApiToken', 'token')).toBe('String');
  });
});
