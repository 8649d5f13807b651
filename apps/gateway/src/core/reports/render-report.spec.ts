import {
  checklistView,
  done,
  itemView,
  launchView,
  NOW,
  SIGNED,
  teamView,
  waived,
} from '../read-model/domain/testing/views';
import type { IncidentView } from '../read-model/domain';
import type { LaunchSnapshot } from '../read-model/queries/launch-snapshot';
import { buildLaunchReport } from './launch-report';
import { renderCsv, renderMarkdown } from './render-report';
import { csvCell, mdText } from './report-text';

const QA = teamView('team-qa', 'qa', 'QA');
const incident = (id: string, overrides: Partial<IncidentView>): IncidentView => ({
  id,
  severity: 'SEV2',
  title: 'Checkout 5xx',
  status: 'OPEN',
  reportedAt: '2026-03-01T10:00:00.000Z',
  reportedBy: 'max',
  resolvedAt: null,
  resolvedBy: null,
  resolution: null,
  ...overrides,
});
const snapshot = (): LaunchSnapshot => ({
  launch: launchView({
    requiredTeamIds: ['team-qa'],
    gatePolicies: [
      { environment: 'staging', requireReady: false, minReadinessPercent: 0, requireGoDecision: false },
    ],
    incidents: [
      incident('i-1', {
        title: 'Checkout | 5xx <b>',
        source: 'PAGERDUTY',
        externalId: 'Q1ABC',
        url: 'https://acme.pagerduty.com/incidents/Q1ABC',
        acknowledgedAt: '2026-03-01T10:05:00.000Z',
      }),
      incident('i-2', { severity: 'SEV4', title: '=cmd()' }),
      incident('i-3', { status: 'RESOLVED', title: 'Old', source: 'GENERIC', externalId: 'x' }),
    ],
  }),
  checklists: [
    checklistView(
      'team-qa',
      [
        done('a', {
          title: 'Regression | suite\n# green',
          evidenceUrl: 'https://ci/1',
          ownerUserId: 'ana',
          check: 'regression',
        }),
        waived('b', null, { title: '=HYPERLINK("http://evil")' }),
        itemView('c', { title: 'Load <script>alert(1)</script>', dueDate: '2026-02-20T00:00:00.000Z' }),
      ],
      { signOffs: SIGNED },
    ),
  ],
  teams: [QA],
  position: '42',
});

describe('the readiness report', () => {
  const report = buildLaunchReport(snapshot(), NOW);

  it('holds teams, items (state, owner, due date, evidence, waiver, check), blockers, gates, support', () => {
    expect(report).toMatchObject({
      launch: { key: 'checkout-v2', status: 'PLANNING' },
      ready: false,
      percent: 66,
      decision: null,
      support: { status: 'RED', openIncidents: 2 },
      gates: [
        { environment: 'production', decision: 'DENIED', reasons: ['NO_GO_DECISION', 'OPEN_REQUIRED_ITEM'] },
        { environment: 'staging', decision: 'ALLOWED', reasons: [] },
      ],
      blockers: [{ code: 'OPEN_REQUIRED_ITEM', itemId: 'c' }],
    });
    expect(report.teams[0].items[0]).toEqual({
      title: 'Regression | suite\n# green',
      required: true,
      state: 'DONE',
      owner: 'ana',
      dueDate: null,
      evidenceUrl: 'https://ci/1',
      waiver: null,
      check: 'regression',
    });
    expect(report.support.incidents).toEqual([
      {
        id: 'i-1',
        severity: 'SEV2',
        title: 'Checkout | 5xx <b>',
        reportedAt: '2026-03-01T10:00:00.000Z',
        source: 'PAGERDUTY',
        externalId: 'Q1ABC',
        url: 'https://acme.pagerduty.com/incidents/Q1ABC',
        acknowledged: true,
      },
      {
        id: 'i-2',
        severity: 'SEV4',
        title: '=cmd()',
        reportedAt: '2026-03-01T10:00:00.000Z',
        source: null,
        externalId: null,
        url: null,
        acknowledged: false,
      },
    ]);
    expect(report.teams[0].items[1].waiver).toBe('APPROVED (requested by quinn, approved by max): canary');
  });

  it('renders Markdown whose user text cannot break the tables or inject HTML', () => {
    const md = renderMarkdown(report);
    expect(md).toContain('# Readiness report: Checkout v2 (checkout-v2)');
    expect(md).toContain(
      '| Regression \\| suite # green | yes | DONE | ana | – | https://ci/1 | – | regression |',
    );
    expect(md).toContain('Load \\<script\\>alert\\(1\\)\\</script\\>');
    expect(md).not.toMatch(/<script>/);
    expect(md).toContain(
      '| SEV2 | Checkout \\| 5xx \\<b\\> | PAGERDUTY | Q1ABC | https://acme.pagerduty.com/incidents/Q1ABC | 2026-03-01T10:00:00.000Z | yes |',
    );
    expect(md).toContain('| SEV4 | =cmd\\(\\) | by hand | – | – | 2026-03-01T10:00:00.000Z | no |');
    expect(md).not.toContain('Old');
    // Every table row has exactly its columns: no cell added by a `|` in a title.
    const rows = md.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| ---'));
    for (const row of rows) {
      const cells = row.replace(/\\\|/g, '').split('|').length - 2;
      expect([3, 7, 8]).toContain(cells);
    }
  });

  it('renders CSV with formulas neutralised and fields quoted', () => {
    const csv = renderCsv(report);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('section,team,name,required,state,owner,due_date,evidence_url,waiver,detail');
    expect(csv).toContain(`item,qa,"'=HYPERLINK(""http://evil"")",yes,WAIVED`);
    expect(csv).toContain(
      'item,qa,"Regression | suite\n# green",yes,DONE,ana,,https://ci/1,,check regression',
    );
    expect(csv).toContain('gate,,production,,DENIED,,,,,NO_GO_DECISION OPEN_REQUIRED_ITEM');
    expect(csv).toContain(
      'incident,,Checkout | 5xx <b>,,SEV2,,,https://acme.pagerduty.com/incidents/Q1ABC,,PAGERDUTY Q1ABC; reported 2026-03-01T10:00:00.000Z; acknowledged',
    );
    expect(csv).toContain(`incident,,'=cmd(),,SEV4,,,,,reported by hand; reported 2026-03-01T10:00:00.000Z`);
    expect(csv).toContain('blocker,qa,Load <script>alert(1)</script>,,OPEN_REQUIRED_ITEM');
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['plain', 'plain'],
  ])('csvCell(%p) is %p', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('mdText keeps user text on one line and inert', () => {
    expect(mdText('a\nb\u202Ec')).toBe('a b c');
    expect(mdText('[x](javascript:alert(1))')).toBe('\\[x\\]\\(javascript:alert\\(1\\)\\)');
    expect(mdText(null)).toBe('–');
  });
});
