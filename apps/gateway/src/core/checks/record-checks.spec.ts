import { ErrorCodes, type Role } from '@tminus/contracts';
import type { Principal } from '../auth/principal';
import type { OutgoingCommand, SendOptions } from '../commands/command-sender';
import type { ChecklistView } from '../read-model/domain';
import { checklistView, done, itemView, launchView, teamView } from '../read-model/domain/testing/views';
import type { LaunchSnapshot } from '../read-model/queries/launch-snapshot';
import { parseCheckRequest } from './check-request';
import { RecordChecks } from './record-checks';

const principal = (role: Role): Principal => ({
  tokenId: 't-1',
  tokenName: 'checkout deploys',
  role,
  userId: 'ci-user',
  teamIds: null,
  expiresAt: null,
});

const QA = teamView('team-qa', 'qa', 'QA');
const OPS = teamView('team-ops', 'ops', 'Ops');

/** A read model that moves from `before` to `after` once every command was sent. */
function fixture(before: ChecklistView[], after: ChecklistView[] = before) {
  const sent: { outgoing: OutgoingCommand; options: SendOptions }[] = [];
  let current = before;
  const snapshot = async (launch: string): Promise<LaunchSnapshot | null> =>
    launch === 'checkout-v2' || launch === launchView().id
      ? { launch: launchView({ key: 'checkout-v2' }), checklists: current, teams: [QA, OPS], position: '1' }
      : null;
  const sender = {
    send: async (outgoing: OutgoingCommand, options: SendOptions) => {
      sent.push({ outgoing, options });
      current = after;
      return { kind: 'accepted' as const, commandId: 'c' };
    },
  };
  return { checks: new RecordChecks({ snapshot, sender }), sent };
}

const request = (status = 'passed', check = 'e2e') =>
  parseCheckRequest({ launch: 'checkout-v2', check, status, url: 'https://ci.example/1' });

describe('RecordChecks (POST /v1/checks)', () => {
  it('sends one RecordCheckResult per open checklist holding the check, as the token name, and lists the items', async () => {
    const qa = checklistView('team-qa', [itemView('a', { check: 'e2e' }), itemView('b')]);
    const ops = checklistView('team-ops', [itemView('c', { check: 'e2e', required: false })]);
    const none = checklistView('team-x', [itemView('d', { check: 'lint' })]);
    const after = [
      checklistView('team-qa', [
        done('a', { check: 'e2e', evidenceUrl: 'https://ci.example/1' }),
        itemView('b'),
      ]),
      checklistView('team-ops', [
        done('c', { check: 'e2e', required: false, evidenceUrl: 'https://ci.example/1' }),
      ]),
      none,
    ];
    const { checks, sent } = fixture([qa, ops, none], after);
    const body = await checks.record(principal('PIPELINE'), request());
    expect(sent.map(({ outgoing }) => [outgoing.aggregateId, outgoing.command])).toEqual([
      [
        'checklist-team-qa',
        {
          type: 'RecordCheckResult',
          data: {
            checklistId: 'checklist-team-qa',
            check: 'e2e',
            status: 'passed',
            url: 'https://ci.example/1',
          },
        },
      ],
      [
        'checklist-team-ops',
        {
          type: 'RecordCheckResult',
          data: {
            checklistId: 'checklist-team-ops',
            check: 'e2e',
            status: 'passed',
            url: 'https://ci.example/1',
          },
        },
      ],
    ]);
    expect(sent[0].options.actor).toEqual({ userId: 'checkout deploys', role: 'PIPELINE' });
    expect(body).toEqual({
      launch: { id: launchView().id, key: 'checkout-v2' },
      check: 'e2e',
      status: 'passed',
      items: [
        {
          id: 'a',
          title: 'Title of a',
          team: 'qa',
          required: true,
          state: 'DONE',
          evidenceUrl: 'https://ci.example/1',
          changed: true,
        },
        {
          id: 'c',
          title: 'Title of c',
          team: 'ops',
          required: false,
          state: 'DONE',
          evidenceUrl: 'https://ci.example/1',
          changed: true,
        },
      ],
    });
  });

  it('says nothing changed when the same result comes again', async () => {
    const qa = checklistView('team-qa', [done('a', { check: 'e2e', evidenceUrl: 'https://ci.example/1' })]);
    const { checks } = fixture([qa]);
    const body = await checks.record(principal('PIPELINE'), request());
    expect(body.items.map(({ changed }) => changed)).toEqual([false]);
  });

  it('answers CHECK_NOT_FOUND when no open checklist has an item with the check', async () => {
    const closed = checklistView('team-qa', [itemView('a', { check: 'e2e' })], { status: 'CLOSED' });
    const { checks, sent } = fixture([closed, checklistView('team-ops', [itemView('c', { check: 'lint' })])]);
    await expect(checks.record(principal('PIPELINE'), request())).rejects.toMatchObject({
      code: ErrorCodes.CHECK_NOT_FOUND,
    });
    expect(sent).toEqual([]);
  });

  it('answers LAUNCH.NOT_FOUND for an unknown launch', async () => {
    const { checks } = fixture([]);
    const unknown = parseCheckRequest({ launch: 'nope', check: 'e2e', status: 'failed' });
    await expect(checks.record(principal('ADMIN'), unknown)).rejects.toMatchObject({
      code: ErrorCodes.LAUNCH_NOT_FOUND,
    });
  });

  it.each<Role>(['LAUNCH_MANAGER', 'TEAM_MEMBER'])('refuses a %s token', async (role) => {
    const { checks } = fixture([checklistView('team-qa', [itemView('a', { check: 'e2e' })])]);
    await expect(checks.record(principal(role), request())).rejects.toMatchObject({
      code: ErrorCodes.FORBIDDEN,
    });
  });

  it.each([
    [{ launch: 'x', check: 'e2e', status: 'flaky' }, 'body.status'],
    [{ launch: 'x', check: 'E2E Tests', status: 'passed' }, 'body.check'],
    [{ launch: 'x', check: 'e2e', status: 'passed', url: 'javascript:alert(1)' }, 'body.url'],
    [{ launch: 'x', check: 'e2e', status: 'passed', extra: 1 }, 'body'],
    [{ check: 'e2e', status: 'passed' }, 'body.launch'],
  ])('refuses the body %p (BAD_USER_INPUT naming %s)', (body, field) => {
    expect(() => parseCheckRequest(body)).toThrow(
      expect.objectContaining({
        code: ErrorCodes.BAD_USER_INPUT,
        details: expect.objectContaining({ field }),
      }),
    );
  });
});
