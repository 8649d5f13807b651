import type { Config } from './config-schema';
import type { CurrentState } from './current-state';
import { exportConfig } from './export-config';
import { formatPlan, planOf, type Ids } from './plan';

const STATE: CurrentState = {
  teams: [{ id: 't-1', key: 'qa', name: 'QA', function: 'QA', members: [{ userId: 'ana', role: 'LEAD' }] }],
  templates: [
    {
      function: 'QA',
      name: 'QA checklist',
      items: [
        {
          title: 'Regression',
          description: null,
          required: true,
          dueDaysBeforeLaunch: 2,
          owner: null,
          check: 'regression',
        },
      ],
    },
  ],
  launches: [
    {
      id: 'l-1',
      key: 'checkout-v2',
      name: 'Checkout v2',
      description: null,
      targetDate: '2027-03-01T09:00:00.000Z',
      status: 'PLANNING',
      teams: [{ team: { key: 'qa' }, checklist: { signOffsRequired: 1 } }],
      gatePolicies: [
        {
          environment: 'production',
          isDefault: true,
          minReadinessPercent: 100,
          requireGoDecision: true,
          requireReady: true,
        },
        {
          environment: 'staging',
          isDefault: false,
          minReadinessPercent: 50,
          requireGoDecision: false,
          requireReady: false,
        },
      ],
    },
  ],
  incidentSources: [
    { source: 'PAGERDUTY', match: 'PCHK001', launchKey: 'checkout-v2' },
    { source: 'ALERTMANAGER', match: 'service="checkout"', launchKey: 'checkout-v2' },
    // Its launch is unknown to the read model: it cannot be written by key.
    { source: 'GENERIC', match: 'ghost', launchKey: null },
  ],
};

const ids: Ids = { team: (key) => `id-of-${key}`, launch: (key) => `id-of-${key}` };

describe('the apply plan', () => {
  it('finds nothing to do for what export printed (the round trip)', () => {
    const plan = planOf(exportConfig(STATE), STATE);
    expect(plan.map(({ kind, name, action }) => `${kind} ${name}: ${action}`)).toEqual([
      'team qa: unchanged',
      'template QA: unchanged',
      'launch checkout-v2: unchanged',
      'incident source PAGERDUTY PCHK001: unchanged',
      'incident source ALERTMANAGER service="checkout": unchanged',
    ]);
    expect(formatPlan(plan)).toMatch(/no changes\n$/);
  });

  it('takes the same instant in another notation as unchanged', () => {
    const config = exportConfig(STATE);
    const launches = config.launches!.map((launch) => ({
      ...launch,
      targetDate: '2027-03-01T10:00:00+01:00',
    }));
    expect(planOf({ ...config, launches }, STATE).every((entry) => entry.action === 'unchanged')).toBe(true);
  });

  it('creates what is missing, with ids of objects created earlier in the same run', () => {
    const config: Config = {
      teams: [{ key: 'ops', name: 'Ops', function: 'OPERATIONS', members: [{ userId: 'oz', role: 'LEAD' }] }],
      launches: [
        { key: 'vault', name: 'Vault', targetDate: '2031-01-01T00:00:00Z', requiredTeams: [{ team: 'ops' }] },
      ],
    };
    const [team, launch] = planOf(config, STATE);
    expect(team).toMatchObject({ action: 'create', changes: ['add member oz (LEAD)'] });
    expect(team.steps[0].creates).toEqual({ kind: 'team', key: 'ops', field: 'createTeam' });
    expect(team.steps[1].variables(ids)).toEqual({
      input: { teamId: 'id-of-ops', userId: 'oz', role: 'LEAD' },
    });
    expect(launch).toMatchObject({ action: 'create', changes: ['require team ops'] });
    expect(launch.steps[1].variables(ids)).toEqual({
      input: { launchId: 'id-of-vault', teamId: 'id-of-ops', signOffsRequired: null },
    });
  });

  it('maps a new incident source and re-points one mapped to another launch', () => {
    const config: Config = {
      incidentSources: [
        { source: 'PAGERDUTY', match: 'PCHK001', launch: 'vault' },
        { source: 'GENERIC', match: 'checkout', launch: 'checkout-v2' },
        { source: 'ALERTMANAGER', match: 'service="checkout"', launch: 'checkout-v2' },
      ],
    };
    const [repointed, created, unchanged] = planOf(config, STATE);
    const MAP = expect.stringContaining('mapIncidentSource(input: $input)');
    expect(repointed).toMatchObject({ action: 'update', changes: ['launch checkout-v2 → vault'] });
    expect(repointed.steps.map((step) => step.query)).toEqual([MAP]);
    expect(repointed.steps[0].variables(ids)).toEqual({
      input: { source: 'PAGERDUTY', match: 'PCHK001', launchId: 'id-of-vault' },
    });
    expect(created).toMatchObject({ action: 'create', changes: [] });
    expect(created.steps[0].variables(ids)).toEqual({
      input: { source: 'GENERIC', match: 'checkout', launchId: 'id-of-checkout-v2' },
    });
    expect(unchanged).toMatchObject({ action: 'unchanged', steps: [] });
    expect(formatPlan([repointed, created, unchanged])).toBe(
      [
        'incident source PAGERDUTY PCHK001: update (launch checkout-v2 → vault)',
        'incident source GENERIC checkout: create',
        'incident source ALERTMANAGER service="checkout": unchanged',
        'plan: 1 to create, 1 to update, 1 unchanged',
        '',
      ].join('\n'),
    );
  });

  it('updates only what differs, and warns about what the API cannot change', () => {
    const config = exportConfig(STATE);
    const edited: Config = {
      teams: [{ ...config.teams![0], name: 'Quality', members: [{ userId: 'ana', role: 'MEMBER' }] }],
      templates: [{ ...config.templates![0], items: [] }],
      launches: [
        {
          ...config.launches![0],
          targetDate: '2027-04-01T09:00:00Z',
          gatePolicies: [
            {
              environment: 'Staging',
              minReadinessPercent: 80,
              requireGoDecision: false,
              requireReady: false,
            },
          ],
        },
      ],
    };
    const plan = planOf(edited, STATE);
    expect(plan.map(({ action, changes, warnings }) => ({ action, changes, warnings }))).toEqual([
      {
        action: 'update',
        changes: ['ana: LEAD → MEMBER'],
        warnings: ['name is "QA": teams cannot be renamed through the API'],
      },
      { action: 'update', changes: ['items (1 → 0)'], warnings: [] },
      {
        action: 'update',
        changes: ['targetDate 2027-03-01T09:00:00.000Z → 2027-04-01T09:00:00Z', 'gate policy staging'],
        warnings: [],
      },
    ]);
    expect(formatPlan(plan)).toContain('plan: 0 to create, 3 to update, 0 unchanged');
  });

  it('exports one launch with the teams it requires and their templates only', () => {
    const state: CurrentState = {
      ...STATE,
      teams: [...STATE.teams, { id: 't-2', key: 'docs', name: 'Docs', function: 'DOCS', members: [] }],
    };
    const one = exportConfig(state, 'checkout-v2');
    expect(one.teams!.map((team) => team.key)).toEqual(['qa']);
    expect(one.templates!.map((template) => template.function)).toEqual(['QA']);
    expect(one.launches![0]).toEqual({
      key: 'checkout-v2',
      name: 'Checkout v2',
      targetDate: '2027-03-01T09:00:00.000Z',
      requiredTeams: [{ team: 'qa', signOffsRequired: 1 }],
      gatePolicies: [
        { environment: 'staging', minReadinessPercent: 50, requireGoDecision: false, requireReady: false },
      ],
    });
    expect(one.incidentSources).toEqual([
      { source: 'PAGERDUTY', match: 'PCHK001', launch: 'checkout-v2' },
      { source: 'ALERTMANAGER', match: 'service="checkout"', launch: 'checkout-v2' },
    ]);
    expect(exportConfig(state, 'elsewhere').incidentSources).toEqual([]);
  });
});
