import { ROLES, type Role } from '@tminus/contracts';
import {
  MUTATION_OPERATIONS,
  QUERY_OPERATIONS,
  ruleOf,
  SUBSCRIPTION_OPERATIONS,
  type Operation,
  type TeamScope,
} from './access-policy';

/** What one role may do with one operation: not at all, always, or only within a team scope. */
export type Access = 'no' | 'yes' | TeamScope;

export const accessOf = (role: Role, operation: Operation): Access => {
  const rule = ruleOf(operation);
  if (!(rule.roles as readonly Role[]).includes(role)) return 'no';
  // Team scopes only narrow TEAM_MEMBER tokens (see access-control.ts).
  return role === 'TEAM_MEMBER' && rule.teamScope !== undefined ? rule.teamScope : 'yes';
};

const CELL: Readonly<Record<Access, string>> = {
  no: '—',
  yes: 'yes',
  member: 'own team',
  lead: 'team LEAD',
  support: 'support team',
};

const section = (title: string, fields: readonly (readonly [string, Operation])[]): string[] => [
  `## ${title}`,
  '',
  `| ${title.toLowerCase().replace(/s$/, '')} | ${ROLES.join(' | ')} |`,
  `| --- | ${ROLES.map(() => '---').join(' | ')} |`,
  ...[...fields]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([field, operation]) =>
        `| \`${field}\` | ${ROLES.map((role) => CELL[accessOf(role, operation)]).join(' | ')} |`,
    ),
  '',
];

/** docs/access.md: every mutation, query and subscription × every role, generated from the policy. */
export const renderAccessMatrix = (): string =>
  [
    '# Access matrix',
    '',
    '<!-- Generated from apps/gateway/src/core/auth/access-policy.ts by access-matrix.spec.ts; do not edit.',
    '     Regenerate: UPDATE_SCHEMA=1 npx jest --selectProjects unit -- apps/gateway/src/core/auth/access-matrix.spec.ts -->',
    '',
    'Every request carries a bearer token; without one every operation answers `UNAUTHENTICATED`, and',
    'a role marked — answers `FORBIDDEN`. Scoped cells apply to TEAM_MEMBER tokens (a token limited to',
    "teams must also cover the team; the refusal says whether membership or the token's scope is why):",
    '',
    '- **own team**: the user belongs to the team that owns the checklist.',
    '- **team LEAD**: the user is a LEAD of that team (of the checklist, or of the team being changed).',
    '- **support team**: the user belongs to a SUPPORT or OPERATIONS team required for the launch.',
    '',
    'Rules the services decide on top of this (whatever the role): nobody approves their own waiver',
    '(`CHECKLIST.SELF_APPROVAL`); a sign-off counts once per distinct LEAD.',
    '',
    ...section(
      'Mutations',
      MUTATION_OPERATIONS.map((operation) => [operation, operation] as const),
    ),
    ...section('Queries', Object.entries(QUERY_OPERATIONS)),
    ...section('Subscriptions', Object.entries(SUBSCRIPTION_OPERATIONS)),
    ...section('REST endpoints', [
      ['GET /v1/gates/{launch}', 'gate'],
      ['POST /v1/checks', 'recordCheckResult'],
      ['GET /v1/launches/{launch}/report', 'read'],
    ]),
  ].join('\n');
