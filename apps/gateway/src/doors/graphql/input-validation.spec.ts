import { addChecklistItemSchema, tickItemSchema, waiveItemSchema } from './checklists/checklist.validation';
import { gateArgsSchema, setGatePolicySchema } from './gate/gate.validation';
import { createLaunchSchema, editLaunchSchema, markLaunchedSchema } from './launches/launch.validation';
import { createTeamSchema } from './teams/team.validation';
import { createTemplateSchema } from './templates/template.validation';
import { createApiTokenSchema } from './tokens/token.validation';
import { validateInput } from '../../core/validation/validate-input';

interface InputError {
  code: string;
  message: string;
  details: { field: string | null; issues: { field: string; message: string }[] };
}

const failure = (action: () => unknown): InputError => {
  try {
    action();
  } catch (error) {
    return error as InputError;
  }
  throw new Error('expected the input to be refused');
};

const TARGET = '2026-12-01T09:00:00.000Z';

describe('mutation input validation', () => {
  it('accepts good input and returns it cleaned (trimmed)', () => {
    expect(
      validateInput(createLaunchSchema, { key: 'checkout-v2', name: '  Checkout v2 ', targetDate: TARGET }),
    ).toEqual({
      key: 'checkout-v2',
      name: 'Checkout v2',
      targetDate: TARGET,
    });
  });

  it('refuses with BAD_USER_INPUT naming the field and saying what a good value looks like', () => {
    const error = failure(() =>
      validateInput(createLaunchSchema, { key: 'Checkout V2', name: 'Checkout', targetDate: TARGET }),
    );
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details.field).toBe('input.key');
    expect(error.message).toMatch(/^input\.key: must be a slug/);
  });

  it('lists every problem at once', () => {
    const error = failure(() => validateInput(createTeamSchema, { key: 'x', name: '   ', function: 'QA' }));
    expect(error.details.issues.map((issue) => issue.field)).toEqual(['input.key', 'input.name']);
    expect(error.details.issues[1].message).toBe('name must not be empty');
  });

  it('points into nested lists', () => {
    const error = failure(() =>
      validateInput(createTemplateSchema, {
        function: 'QA',
        name: 'QA checklist',
        items: [
          { title: 'Regression suite', required: true },
          { title: 'Perf', required: false, dueDaysBeforeLaunch: -2 },
        ],
      }),
    );
    expect(error.details.field).toBe('input.items.1.dueDaysBeforeLaunch');
  });

  it.each([
    [
      'an evidence URL that is not http(s)',
      tickItemSchema,
      { itemId: 'i1', evidenceUrl: 'javascript:alert(1)' },
      'input.evidenceUrl',
    ],
    ['an empty waiver reason', waiveItemSchema, { itemId: 'i1', reason: ' ' }, 'input.reason'],
    [
      'a due date in year 1970',
      addChecklistItemSchema,
      { checklistId: 'c', title: 't', required: true, dueDate: '1970-01-01T00:00:00.000Z' },
      'input.dueDate',
    ],
    ['a hypercare of 0 days', markLaunchedSchema, { launchId: 'l', hypercareDays: 0 }, 'input.hypercareDays'],
    [
      'a readiness percent over 100',
      setGatePolicySchema,
      {
        launchId: 'l',
        environment: 'production',
        requireReady: false,
        minReadinessPercent: 101,
        requireGoDecision: false,
      },
      'input.minReadinessPercent',
    ],
    ['an edit that changes nothing', editLaunchSchema, { launchId: 'l' }, 'input.name'],
    [
      'a TEAM_MEMBER token without a user',
      createApiTokenSchema,
      { name: 'bot', role: 'TEAM_MEMBER' },
      'input.userId',
    ],
    [
      'team limits on a PIPELINE token',
      createApiTokenSchema,
      { name: 'ci', role: 'PIPELINE', teamIds: ['t1'] },
      'input.teamIds',
    ],
  ])('refuses %s', (_what, schema, input, field) => {
    expect(failure(() => validateInput(schema, input)).details.field).toBe(field);
  });

  it('checks query arguments under their own root', () => {
    const error = failure(() =>
      validateInput(gateArgsSchema, { launch: 'l', environment: 'prod env' }, 'args'),
    );
    expect(error.details.field).toBe('args.environment');
  });
});
