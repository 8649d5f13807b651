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
import type { LaunchSnapshot } from '../read-model/queries/launch-snapshot';
import { buildLaunchReport } from './launch-report';
import { renderCsv, renderMarkdown } from './render-report';
import { csvCell, mdText } from './report-text';

const QA = teamView('team-qa', 'qa', 'QA');
const snapshot = (): LaunchSnapshot => ({
  launch: launchView({
    requiredTeamIds: ['team-qa'],
    gatePolicies: [
      { environment: 'staging', requireReady: false, minReadinessPercent: 0, requireGoDecision: false },
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
      support: { status: 'GREEN', openIncidents: 0 },
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
    // Every table row has exactly its columns: no cell added by a `|` in a title.
    const rows = md.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| ---'));
    for (const row of rows) {
      const cells = row.replace(/\\\|/g, '').split('|').length - 2;
      expect([3, 8]).toContain(cells);
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
