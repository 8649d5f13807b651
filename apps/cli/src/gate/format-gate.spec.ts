import { decisionLine, formatGate, formatGateJson, MAX_BLOCKER_ROWS, MAX_INCIDENT_ROWS } from './format-gate';
import { allowed, denied, gateBody, reason } from './testing/gate-bodies';

describe('formatGate', () => {
  it('prints a single decision line when allowed', () => {
    expect(formatGate(allowed())).toBe(
      'ALLOWED  checkout-v2 → production  (readiness 100%: 8/8 required items; position 41)\n',
    );
  });

  it('lists blockers grouped by team, launch-wide reasons first, items by title', () => {
    const text = formatGate(
      denied([
        reason({
          team: 'security',
          code: 'NOT_SIGNED_OFF',
          item: null,
          message: 'Security has not signed off',
        }),
        reason(),
        reason({
          team: null,
          teamId: null,
          item: null,
          code: 'NO_GO_DECISION',
          message: 'No GO decision has been recorded',
        }),
        reason({ item: 'Load test', itemId: 'item-2', code: 'BLOCKED_ITEM' }),
      ]),
    );
    expect(text.split('\n')).toEqual([
      'DENIED  checkout-v2 → production  (readiness 62%: 5/8 required items; position 41)',
      '',
      'Blockers (4):',
      '  TEAM      CODE                ITEM / REASON',
      '  -         NO_GO_DECISION      No GO decision has been recorded',
      '  qa        OPEN_REQUIRED_ITEM  Regression suite green',
      '  qa        BLOCKED_ITEM        Load test',
      '  security  NOT_SIGNED_OFF      Security has not signed off',
      '',
    ]);
  });

  it('shows the message when no item is concerned, and cuts long text', () => {
    const text = formatGate(denied([reason({ team: 'team-x', item: null, message: 'x'.repeat(200) })]));
    const row = text.split('\n')[4];
    expect(row.startsWith('  team-x')).toBe(true);
    expect(row.endsWith('…')).toBe(true);
    expect(row.length).toBeLessThan(110);
  });

  it(`shows at most ${MAX_BLOCKER_ROWS} blockers and says how many more there are`, () => {
    const reasons = Array.from({ length: MAX_BLOCKER_ROWS + 3 }, (_, i) =>
      reason({ item: `Item ${i}`, itemId: `item-${i}` }),
    );
    const lines = formatGate(denied(reasons)).trimEnd().split('\n');
    expect(lines.filter((line) => line.includes('OPEN_REQUIRED_ITEM'))).toHaveLength(MAX_BLOCKER_ROWS);
    expect(lines.at(-1)).toBe('  … and 3 more (--json lists all)');
    expect(lines[2]).toBe(`Blockers (${MAX_BLOCKER_ROWS + 3}):`);
  });

  it('lists open incidents with source, external id and link, escaped, whatever the decision', () => {
    const pagerDuty = {
      severity: 'SEV1',
      title: 'Checkout 5xx\u001b[32m ALLOWED',
      source: 'PAGERDUTY',
      externalId: 'Q1ABC',
      url: 'https://acme.pagerduty.com/incidents/Q1ABC',
    };
    const byHand = { severity: 'SEV3', title: 'Slow search', source: null, externalId: null, url: null };
    const text = formatGate(
      gateBody({ support: { status: 'RED', openIncidents: 2, incidents: [pagerDuty, byHand] } }),
    );
    expect(text.split('\n')).toEqual([
      'ALLOWED  checkout-v2 → production  (readiness 100%: 8/8 required items; position 41)',
      '',
      'Support RED: 2 open incident(s) (they do not decide the gate):',
      '  SEVERITY  SOURCE     ID     TITLE                           LINK',
      '  SEV1      PAGERDUTY  Q1ABC  Checkout 5xx\\u001b[32m ALLOWED  https://acme.pagerduty.com/incidents/Q1ABC',
      '  SEV3      by hand    -      Slow search                     -',
      '',
    ]);
  });

  it(`shows at most ${MAX_INCIDENT_ROWS} incidents, and nothing when support is quiet or not sent`, () => {
    const incident = { severity: 'SEV4', title: 't', source: 'GENERIC', externalId: 'x', url: null };
    const many = formatGate(
      gateBody({ support: { status: 'AMBER', openIncidents: 30, incidents: Array(20).fill(incident) } }),
    );
    expect(many.split('\n').filter((line) => line.startsWith('  SEV4'))).toHaveLength(MAX_INCIDENT_ROWS);
    expect(many).toContain(`  … and ${30 - MAX_INCIDENT_ROWS} more (--json lists up to 20)`);
    expect(formatGate(gateBody({ support: { status: 'GREEN', openIncidents: 0, incidents: [] } }))).toBe(
      formatGate(allowed()),
    );
  });

  it('decisionLine names launch, environment, readiness and position', () => {
    expect(decisionLine(denied())).toContain('DENIED  checkout-v2 → production');
  });
});

describe('formatGateJson', () => {
  it('prints the body as received, unknown fields included', () => {
    const raw = { ...denied(), policy: { requireReady: true } };
    expect(JSON.parse(formatGateJson(raw))).toEqual(raw);
  });
});
