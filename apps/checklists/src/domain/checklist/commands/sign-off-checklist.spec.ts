import {
  DomainError,
  ErrorCodes,
  fold,
  type Actor,
  type ChecklistEvent,
  type SignOffChecklist,
  type TeamRole,
} from '@tminus/contracts';
import { checklistDecider } from '../checklist.decider';
import {
  ADMIN,
  at,
  blocked,
  CHECKLIST_ID,
  closed,
  IN_A_WEEK,
  MANAGER,
  MEMBER,
  NOW,
  opened,
  OPTIONAL,
  REQUIRED,
  signedOff,
  signedOffChecklist,
  signOffWithdrawn,
  spec,
  ticked,
  unticked,
  waived,
  YESTERDAY,
} from '../checklist.fixtures';

const signOff = (signerTeamRole?: TeamRole | null): SignOffChecklist => ({
  type: 'SignOffChecklist',
  data: { checklistId: CHECKLIST_ID, signerTeamRole },
});

/** The refusal itself, to check that its message names the items. */
const refusal = (history: ChecklistEvent[], actor: Actor = ADMIN): DomainError => {
  try {
    checklistDecider.decide(signOff(), fold(checklistDecider, history), { now: NOW, actor });
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected the sign-off to be refused');
};

describe('SignOffChecklist', () => {
  it('lets a lead of the team sign off a complete checklist', () => {
    spec
      .given([opened(), ticked(REQUIRED.itemId)])
      .when(signOff('LEAD'), at(NOW, MEMBER))
      .then([
        { type: 'ChecklistSignedOff', data: { checklistId: CHECKLIST_ID, by: 'mia', at: NOW.toISOString() } },
      ]);
  });

  it('lets an ADMIN sign off without being a member of the team', () => {
    spec
      .given([opened(), ticked(REQUIRED.itemId)])
      .when(signOff(null), at(NOW, ADMIN))
      .then([signedOff('alice')]);
  });

  it('counts a required item with a valid waiver as complete, and ignores open optional items', () => {
    spec
      .given([opened(), waived(REQUIRED.itemId, IN_A_WEEK)])
      .when(signOff('LEAD'))
      .then([signedOff()]);
    spec
      .given([opened(), waived(REQUIRED.itemId, null)])
      .when(signOff('LEAD'))
      .then([signedOff()]);
  });

  it('ignores a lapsed waiver of an optional item (it is just an open optional item)', () => {
    spec
      .given([opened(), ticked(REQUIRED.itemId), waived(OPTIONAL.itemId, YESTERDAY)])
      .when(signOff('LEAD'), at(NOW))
      .then([signedOff()]);
  });

  it('signs off a checklist without items', () => {
    spec
      .given([opened([])])
      .when(signOff('LEAD'))
      .then([signedOff()]);
  });

  it('signs off again after the sign-off was withdrawn and the checklist completed', () => {
    spec
      .given([
        ...signedOffChecklist(),
        unticked(REQUIRED.itemId),
        signOffWithdrawn('REQUIRED_ITEM_UNTICKED', REQUIRED.itemId),
        ticked(REQUIRED.itemId),
      ])
      .when(signOff('LEAD'))
      .then([signedOff()]);
  });

  it.each<[string, TeamRole | null | undefined, Actor]>([
    ['a member of the team', 'MEMBER', MEMBER],
    ['someone outside the team', null, MEMBER],
    ['a launch manager outside the team', undefined, MANAGER],
  ])('refuses %s', (_case, role, actor) => {
    spec
      .given([opened(), ticked(REQUIRED.itemId)])
      .when(signOff(role), at(NOW, actor))
      .thenThrows(ErrorCodes.CHECKLIST_NOT_TEAM_LEAD);
  });

  it('refuses a checklist that is already signed off', () => {
    spec
      .given(signedOffChecklist())
      .when(signOff('LEAD'))
      .thenThrows(ErrorCodes.CHECKLIST_ALREADY_SIGNED_OFF);
  });

  it('refuses while a required item is open, naming it', () => {
    spec.given([opened()]).when(signOff('LEAD')).thenThrows(ErrorCodes.CHECKLIST_NOT_COMPLETE);
    expect(refusal([opened()]).message).toContain(`"Security review" (${REQUIRED.itemId})`);
  });

  it('refuses while any item is blocked, even an optional one, naming it', () => {
    const history = [opened(), ticked(REQUIRED.itemId), blocked(OPTIONAL.itemId)];
    spec.given(history).when(signOff('LEAD')).thenThrows(ErrorCodes.CHECKLIST_NOT_COMPLETE);
    expect(refusal(history).message).toMatch(/blocked items: "Blog post" \(item-optional\)/);
  });

  it('refuses while the waiver of a required item has lapsed, naming it', () => {
    const history = [opened(), waived(REQUIRED.itemId, YESTERDAY)];
    spec.given(history).when(signOff('LEAD'), at(NOW)).thenThrows(ErrorCodes.CHECKLIST_NOT_COMPLETE);
    spec
      .given([opened(), waived(REQUIRED.itemId, NOW.toISOString())])
      .when(signOff('LEAD'), at(NOW))
      .thenThrows(ErrorCodes.CHECKLIST_NOT_COMPLETE);
    expect(refusal(history).message).toMatch(/waiver has expired: "Security review"/);
  });

  it('names every reason at once', () => {
    const message = refusal([
      opened([REQUIRED, OPTIONAL, { ...REQUIRED, itemId: 'second', title: 'Audit log' }]),
      blocked(OPTIONAL.itemId),
      waived('second', YESTERDAY),
    ]).message;
    expect(message).toMatch(
      /required items still open: "Security review".*blocked items: "Blog post".*waiver has expired: "Audit log"/,
    );
  });

  it('refuses on a closed checklist', () => {
    spec
      .given([opened(), ticked(REQUIRED.itemId), closed()])
      .when(signOff('LEAD'))
      .thenThrows(ErrorCodes.CHECKLIST_CLOSED);
  });

  it('refuses on a checklist that does not exist', () => {
    spec.given([]).when(signOff('LEAD')).thenThrows(ErrorCodes.CHECKLIST_NOT_FOUND);
  });

  describe('with more than one sign-off required (N of M leads)', () => {
    const LEAD_A: Actor = { userId: 'lena', role: 'TEAM_MEMBER' };
    const LEAD_B: Actor = { userId: 'lars', role: 'TEAM_MEMBER' };
    const twoNeeded = () => [opened(undefined, 2), ticked(REQUIRED.itemId)];

    it('records each distinct lead, the second one completing it', () => {
      spec
        .given(twoNeeded())
        .when(signOff('LEAD'), at(NOW, LEAD_A))
        .then([signedOff('lena')]);
      spec
        .given([...twoNeeded(), signedOff('lena')])
        .when(signOff('LEAD'), at(NOW, LEAD_B))
        .then([signedOff('lars')]);
    });

    it('refuses the same lead twice: it would count once', () => {
      spec
        .given([...twoNeeded(), signedOff('lena')])
        .when(signOff('LEAD'), at(NOW, LEAD_A))
        .thenThrows(ErrorCodes.CHECKLIST_ALREADY_SIGNED_OFF);
    });

    it('refuses a third lead once enough signed', () => {
      spec
        .given([...twoNeeded(), signedOff('lena'), signedOff('lars')])
        .when(signOff('LEAD'), at(NOW, MEMBER))
        .thenThrows(ErrorCodes.CHECKLIST_ALREADY_SIGNED_OFF);
    });

    it('withdraws every sign-off given so far when a required item is unticked', () => {
      spec
        .given([...twoNeeded(), signedOff('lena')])
        .when({ type: 'UntickItem', data: { checklistId: CHECKLIST_ID, itemId: REQUIRED.itemId } })
        .then([unticked(REQUIRED.itemId), signOffWithdrawn('REQUIRED_ITEM_UNTICKED', REQUIRED.itemId)]);
    });

    it('takes the same lead again after a withdrawal', () => {
      spec
        .given([
          ...twoNeeded(),
          signedOff('lena'),
          unticked(REQUIRED.itemId),
          signOffWithdrawn('REQUIRED_ITEM_UNTICKED', REQUIRED.itemId),
          ticked(REQUIRED.itemId),
        ])
        .when(signOff('LEAD'), at(NOW, LEAD_A))
        .then([signedOff('lena')]);
    });
  });
});
