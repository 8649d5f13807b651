/** The sample organisation `npm run seed:demo` creates: plain data, no I/O. */

export type DemoFunction = 'ENGINEERING' | 'QA' | 'SECURITY' | 'DOCS' | 'MARKETING';

export interface DemoTeam {
  readonly key: string;
  readonly name: string;
  readonly function: DemoFunction;
  readonly members: readonly { readonly userId: string; readonly role: 'LEAD' | 'MEMBER' }[];
}

export interface DemoTemplate {
  readonly function: DemoFunction;
  readonly name: string;
  readonly items: readonly {
    readonly title: string;
    readonly description?: string;
    readonly required: boolean;
    readonly dueDaysBeforeLaunch?: number;
  }[];
}

export const DEMO_TEAMS: readonly DemoTeam[] = [
  {
    key: 'platform',
    name: 'Platform Engineering',
    function: 'ENGINEERING',
    members: [
      { userId: 'alice', role: 'LEAD' },
      { userId: 'bob', role: 'MEMBER' },
      { userId: 'chen', role: 'MEMBER' },
    ],
  },
  {
    key: 'quality',
    name: 'Quality Assurance',
    function: 'QA',
    members: [
      { userId: 'dana', role: 'LEAD' },
      { userId: 'emeka', role: 'MEMBER' },
    ],
  },
  {
    key: 'appsec',
    name: 'Application Security',
    function: 'SECURITY',
    members: [{ userId: 'farah', role: 'LEAD' }],
  },
  {
    key: 'docs',
    name: 'Developer Docs',
    function: 'DOCS',
    members: [
      { userId: 'gus', role: 'LEAD' },
      { userId: 'hana', role: 'MEMBER' },
    ],
  },
  {
    key: 'growth',
    name: 'Growth Marketing',
    function: 'MARKETING',
    members: [{ userId: 'ivan', role: 'LEAD' }],
  },
];

export const DEMO_TEMPLATES: readonly DemoTemplate[] = [
  {
    function: 'ENGINEERING',
    name: 'Engineering launch readiness',
    items: [
      {
        title: 'Feature flag in place',
        description: 'Can be turned off without a deploy.',
        required: true,
        dueDaysBeforeLaunch: 10,
      },
      {
        title: 'Dashboards and alerts',
        description: 'Latency, errors, saturation.',
        required: true,
        dueDaysBeforeLaunch: 7,
      },
      { title: 'Rollback runbook', required: true, dueDaysBeforeLaunch: 5 },
      { title: 'Capacity review', required: false, dueDaysBeforeLaunch: 5 },
    ],
  },
  {
    function: 'QA',
    name: 'QA sign-off',
    items: [
      { title: 'Regression suite green', required: true, dueDaysBeforeLaunch: 3 },
      { title: 'Load test at 2x peak', required: true, dueDaysBeforeLaunch: 5 },
      { title: 'Exploratory test session', required: false, dueDaysBeforeLaunch: 4 },
    ],
  },
  {
    function: 'SECURITY',
    name: 'Security review',
    items: [
      { title: 'Threat model reviewed', required: true, dueDaysBeforeLaunch: 14 },
      { title: 'Dependency scan clean', required: true, dueDaysBeforeLaunch: 3 },
      { title: 'Penetration test', required: false, dueDaysBeforeLaunch: 7 },
    ],
  },
  {
    function: 'DOCS',
    name: 'Documentation',
    items: [
      { title: 'API reference updated', required: true, dueDaysBeforeLaunch: 3 },
      { title: 'Release notes drafted', required: true, dueDaysBeforeLaunch: 2 },
      { title: 'Migration guide', required: false, dueDaysBeforeLaunch: 2 },
    ],
  },
];

/** A launch still being prepared: some progress, one blocker. */
export const PLANNING_LAUNCH = {
  key: 'payments-v2',
  name: 'Payments v2',
  description: 'New checkout flow with saved cards and 3-D Secure 2.',
  targetInDays: 21,
  teams: ['platform', 'quality', 'appsec', 'docs'],
  ticked: [
    {
      team: 'platform',
      item: 'Feature flag in place',
      by: 'bob',
      evidenceUrl: 'https://git.example.com/payments/pull/412',
    },
    { team: 'platform', item: 'Dashboards and alerts', by: 'chen' },
    {
      team: 'appsec',
      item: 'Threat model reviewed',
      by: 'farah',
      evidenceUrl: 'https://wiki.example.com/sec/payments-v2',
    },
    { team: 'docs', item: 'API reference updated', by: 'hana' },
  ],
  blocked: {
    team: 'quality',
    item: 'Load test at 2x peak',
    by: 'dana',
    reason: 'The staging payment provider sandbox rate-limits us at 50 rps.',
  },
  waived: { team: 'docs', item: 'Migration guide', reason: 'No breaking change for existing integrators.' },
} as const;

/** A launch that went live and is in hypercare: one SEV3 resolved, one open. */
export const LIVE_LAUNCH = {
  key: 'search-revamp',
  name: 'Search revamp',
  description: 'Typo-tolerant search with facets.',
  targetInDays: 0,
  teams: ['platform', 'quality', 'docs'],
  hypercareDays: 14,
  goNotes: 'All teams signed off; rollback rehearsed on Tuesday.',
  incidents: [
    { title: 'Facet counts off by one for archived items', resolved: true },
    { title: 'Slow suggestions for queries over 40 characters', resolved: false },
  ],
} as const;
