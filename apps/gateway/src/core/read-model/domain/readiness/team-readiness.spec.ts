import {
  AFTER_NOW,
  BEFORE_NOW,
  blocked,
  checklistView,
  done,
  itemView,
  NOW,
  SIGNED,
  teamView,
  waived,
  waiverRequested,
} from '../testing/views';
import type { ChecklistItemView } from '../views';
import type { TeamReadiness } from './readiness.types';
import { checklistNotOpenReadiness, computeTeamReadiness } from './team-readiness';

const QA = teamView('team-qa', 'qa', 'QA');
const readiness = (
  items: ChecklistItemView[],
  signedOff: typeof SIGNED | null = SIGNED,
  now = NOW,
): TeamReadiness =>
  computeTeamReadiness(checklistView('team-qa', items, { signOffs: signedOff ?? [] }), QA, now);
const codes = (result: TeamReadiness) => result.blockers.map(({ code, itemId }) => [code, itemId]);

describe('computeTeamReadiness', () => {
  it('is ready when required items are done or waived, nothing is blocked and it signed off', () => {
    const result = readiness([
      done('a'),
      waived('b', null),
      waived('c', AFTER_NOW),
      itemView('d', { required: false }),
    ]);
    expect(result).toMatchObject({
      teamId: 'team-qa',
      teamKey: 'qa',
      teamName: 'QA',
      checklistId: 'checklist-team-qa',
      ready: true,
      signedOff: true,
      percent: 100,
      counts: { requiredItems: 3, doneOrWaived: 3, open: 0, blocked: 0, overdue: 0 },
      blockers: [],
    });
  });

  it('reports an open required item', () => {
    const result = readiness([done('a'), itemView('b', { title: 'Load test' })]);
    expect(result.ready).toBe(false);
    expect(result.blockers).toEqual([
      {
        code: 'OPEN_REQUIRED_ITEM',
        teamId: 'team-qa',
        teamKey: 'qa',
        itemId: 'b',
        itemTitle: 'Load test',
        message: "QA: 'Load test' is required and not done yet",
      },
    ]);
    expect(result.counts).toEqual({ requiredItems: 2, doneOrWaived: 1, open: 1, blocked: 0, overdue: 0 });
  });

  it('says that a required item is open because its CI check failed (before its being overdue)', () => {
    const failure = { check: 'e2e-tests', url: 'https://ci.example/runs/7', by: 'ci', at: BEFORE_NOW };
    const result = readiness([
      itemView('b', { title: 'E2E green', check: 'e2e-tests', checkFailure: failure, dueDate: BEFORE_NOW }),
      itemView('c', { required: false, check: 'e2e-tests', checkFailure: failure }),
    ]);
    expect(result.blockers).toEqual([
      expect.objectContaining({
        code: 'CHECK_FAILED',
        itemId: 'b',
        message: "QA: 'E2E green': its check 'e2e-tests' failed (https://ci.example/runs/7)",
      }),
    ]);
  });

  it('reports a blocked item, required or not, with its reason', () => {
    const result = readiness([
      done('a'),
      blocked('b', 'flaky env', { title: 'Regression suite green' }),
      blocked('c', 'no budget', { required: false }),
    ]);
    expect(result.ready).toBe(false);
    expect(codes(result)).toEqual([
      ['BLOCKED_ITEM', 'b'],
      ['BLOCKED_ITEM', 'c'],
    ]);
    expect(result.blockers[0].message).toBe("QA: 'Regression suite green' is blocked: flaky env");
    expect(result.counts).toMatchObject({ requiredItems: 2, doneOrWaived: 1, open: 0, blocked: 2 });
  });

  it('reports a missing sign-off', () => {
    const result = readiness([done('a')], null);
    expect(result).toMatchObject({ ready: false, signedOff: false, percent: 100 });
    expect(result.blockers).toEqual([
      expect.objectContaining({
        code: 'NOT_SIGNED_OFF',
        itemId: null,
        message: 'QA has not signed off its checklist',
      }),
    ]);
  });

  describe('waiver expiry at now', () => {
    it('a waiver expiring exactly at now has expired: WAIVER_EXPIRED, and the sign-off no longer holds', () => {
      const result = readiness([done('a'), waived('b', NOW.toISOString(), { title: 'Pen test' })]);
      expect(result.ready).toBe(false);
      expect(result.signedOff).toBe(false);
      expect(codes(result)).toEqual([
        ['WAIVER_EXPIRED', 'b'],
        ['NOT_SIGNED_OFF', null],
      ]);
      expect(result.blockers[0].message).toBe(
        "QA: 'Pen test' was waived until 2026-02-15T12:00:00.000Z; the waiver has expired",
      );
      expect(result.counts).toMatchObject({ doneOrWaived: 1, open: 1 });
      expect(result.percent).toBe(50);
    });

    it('the same waiver a millisecond earlier still counts', () => {
      const result = readiness([waived('b', NOW.toISOString())], SIGNED, new Date(NOW.getTime() - 1));
      expect(result).toMatchObject({ ready: true, signedOff: true, percent: 100, blockers: [] });
    });

    it('still says WAIVER_EXPIRED once the service recorded the lapse and reopened the item', () => {
      const lapsed = waived('b', BEFORE_NOW, { title: 'Pen test' });
      const reopened = itemView('b', {
        title: 'Pen test',
        waiver: lapsed.waiver && { ...lapsed.waiver, status: 'EXPIRED' },
      });
      expect(codes(readiness([done('a'), reopened], null))).toEqual([
        ['WAIVER_EXPIRED', 'b'],
        ['NOT_SIGNED_OFF', null],
      ]);
    });

    it('an expired waiver on an optional item blocks nothing', () => {
      const result = readiness([done('a'), waived('b', BEFORE_NOW, { required: false })]);
      expect(result).toMatchObject({ ready: true, signedOff: true, blockers: [] });
    });
  });

  describe('overdue', () => {
    it('lists items due before now and not done or validly waived, blocking only required ones', () => {
      const result = readiness([
        itemView('late', { dueDate: BEFORE_NOW, title: 'Release notes' }),
        itemView('late-optional', { dueDate: BEFORE_NOW, required: false }),
        done('late-but-done', { dueDate: BEFORE_NOW }),
        waived('late-but-waived', null, { dueDate: BEFORE_NOW }),
        itemView('not-yet', { dueDate: AFTER_NOW }),
      ]);
      expect(result.overdue.map(({ itemId, required }) => [itemId, required])).toEqual([
        ['late', true],
        ['late-optional', false],
      ]);
      expect(result.overdue[0]).toEqual({
        teamId: 'team-qa',
        teamKey: 'qa',
        checklistId: 'checklist-team-qa',
        itemId: 'late',
        itemTitle: 'Release notes',
        required: true,
        state: 'OPEN',
        dueDate: BEFORE_NOW,
      });
      expect(result.counts.overdue).toBe(2);
      expect(codes(result)).toEqual([
        ['OVERDUE_ITEM', 'late'],
        ['OPEN_REQUIRED_ITEM', 'not-yet'],
      ]);
      expect(result.blockers[0].message).toBe(
        "QA: 'Release notes' was due 2026-02-14T00:00:00.000Z and is not done",
      );
    });

    it('an item due exactly now is not overdue yet', () => {
      expect(readiness([itemView('a', { dueDate: NOW.toISOString() })]).overdue).toEqual([]);
    });

    it('a blocked overdue item is reported as blocked, and still listed as overdue', () => {
      const result = readiness([blocked('a', 'vendor', { dueDate: BEFORE_NOW })]);
      expect(codes(result)).toEqual([['BLOCKED_ITEM', 'a']]);
      expect(result.counts).toMatchObject({ blocked: 1, overdue: 1, open: 0 });
    });

    it('an item with an expired waiver past its due date is overdue too', () => {
      const result = readiness([waived('a', BEFORE_NOW, { dueDate: BEFORE_NOW })], null);
      expect(codes(result)).toEqual([
        ['WAIVER_EXPIRED', 'a'],
        ['NOT_SIGNED_OFF', null],
      ]);
      expect(result.counts.overdue).toBe(1);
    });
  });

  describe('percent', () => {
    it('is rounded down', () => {
      expect(readiness([done('a'), done('b'), itemView('c')]).percent).toBe(66);
      expect(readiness([done('a'), itemView('b'), itemView('c')]).percent).toBe(33);
    });

    it('ignores optional items', () => {
      expect(readiness([done('a'), itemView('b'), itemView('o', { required: false })]).percent).toBe(50);
    });

    it('with no required items: 100 once signed off, 0 before', () => {
      expect(readiness([itemView('o', { required: false })]).percent).toBe(100);
      expect(readiness([], null).percent).toBe(0);
    });
  });

  it('names the team by id while its events have not arrived', () => {
    const result = computeTeamReadiness(
      checklistView('team-x', [itemView('a', { title: 'Docs' })]),
      null,
      NOW,
    );
    expect(result).toMatchObject({ teamKey: null, teamName: null });
    expect(result.blockers[0].message).toBe("team-x: 'Docs' is required and not done yet");
  });

  it('a closed checklist is not ready (NOT_SIGNED_OFF, saying it is closed)', () => {
    const closed = checklistView('team-qa', [done('a')], {
      status: 'CLOSED',
      closedReason: 'TEAM_RELEASED',
      signOffs: SIGNED,
    });
    const result = computeTeamReadiness(closed, QA, NOW);
    expect(result).toMatchObject({
      ready: false,
      signedOff: false,
      percent: 0,
      checklistId: 'checklist-team-qa',
    });
    expect(result.blockers).toEqual([
      expect.objectContaining({
        code: 'NOT_SIGNED_OFF',
        message: 'QA: its checklist is closed, so it is not signed off',
      }),
    ]);
  });

  it('a checklist not opened yet is not ready', () => {
    const result = checklistNotOpenReadiness('team-qa', QA, null);
    expect(result).toMatchObject({ ready: false, checklistId: null, counts: { requiredItems: 0 } });
    expect(result.blockers.map(({ code, message }) => [code, message])).toEqual([
      ['NOT_SIGNED_OFF', 'QA: its checklist has not been opened yet, so it is not signed off'],
    ]);
  });

  describe('waiver requests', () => {
    it('a required item whose waiver waits for approval is WAIVER_PENDING, naming the requester', () => {
      const result = readiness([done('a'), waiverRequested('b', { title: 'Pen test' })]);
      expect(codes(result)).toEqual([['WAIVER_PENDING', 'b']]);
      expect(result.blockers[0].message).toBe(
        "QA: 'Pen test': a waiver requested by quinn waits for approval",
      );
      expect(result.counts).toMatchObject({ doneOrWaived: 1, open: 1 });
    });

    it('an optional item with a pending request blocks nothing', () => {
      expect(readiness([done('a'), waiverRequested('b', { required: false })]).blockers).toEqual([]);
    });

    it('a rejected request leaves the required item open', () => {
      const rejected = waiverRequested('b');
      const item = itemView('b', { waiver: rejected.waiver && { ...rejected.waiver, status: 'REJECTED' } });
      expect(codes(readiness([item], null))).toEqual([
        ['OPEN_REQUIRED_ITEM', 'b'],
        ['NOT_SIGNED_OFF', null],
      ]);
    });
  });

  describe('N of M lead sign-offs', () => {
    const twoLeads = (signOffs: { by: string; at: string }[]) =>
      computeTeamReadiness(checklistView('team-qa', [done('a')], { signOffs, signOffsRequired: 2 }), QA, NOW);

    it('is not signed off until enough distinct leads signed, saying how many did', () => {
      const result = twoLeads([{ by: 'lena', at: BEFORE_NOW }]);
      expect(result).toMatchObject({ ready: false, signedOff: false });
      expect(codes(result)).toEqual([['NOT_SIGNED_OFF', null]]);
      expect(result.blockers[0].message).toBe('QA: 1 of 2 leads signed off (lena)');
      expect(twoLeads([]).blockers[0].message).toBe(
        'QA has not signed off its checklist (2 leads must sign)',
      );
    });

    it('is signed off and ready once the second lead signed', () => {
      const result = twoLeads([
        { by: 'lena', at: BEFORE_NOW },
        { by: 'lars', at: BEFORE_NOW },
      ]);
      expect(result).toMatchObject({ ready: true, signedOff: true, blockers: [] });
    });
  });
});
