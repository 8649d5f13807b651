import { ErrorCodes, type CreateLaunch } from '@tminus/contracts';
import { deciderSpec } from '@tminus/testing';
import { launchDecider } from '../launch.decider';
import { context, LAUNCH_ID, launchCreated, TARGET_DATE } from '../launch.fixtures';

const spec = deciderSpec(launchDecider);
const createLaunch = (data: Partial<CreateLaunch['data']> = {}): CreateLaunch => ({
  type: 'CreateLaunch',
  data: {
    launchId: LAUNCH_ID,
    key: 'spring-release',
    name: 'Spring release',
    targetDate: TARGET_DATE,
    ...data,
  },
});
const created = (data: Partial<(typeof launchCreated)['data']>) => ({
  type: 'LaunchCreated' as const,
  data: { ...launchCreated.data, ...data },
});

describe('CreateLaunch', () => {
  it('creates the launch in PLANNING, owned by its creator', () => {
    spec.given([]).when(createLaunch(), { context }).then([launchCreated]);
  });

  it('trims texts, normalises the target date to UTC and keeps an explicit owner', () => {
    const command = createLaunch({
      name: '  Spring release ',
      targetDate: '2026-04-01T02:00:00+02:00',
      description: '  Everything for spring  ',
      ownerUserId: 'olga',
    });
    spec
      .given([])
      .when(command, { context })
      .then([created({ description: 'Everything for spring', ownerUserId: 'olga' })]);
  });

  it('accepts a plain date as midnight UTC', () => {
    spec
      .given([])
      .when(createLaunch({ targetDate: '2026-04-01' }), { context })
      .then([launchCreated]);
  });

  it('leaves the owner empty when the system creates the launch', () => {
    const system = { context: { ...context, actor: { userId: 'system', role: 'SYSTEM' as const } } };
    spec
      .given([])
      .when(createLaunch(), system)
      .then([created({ ownerUserId: null })]);
  });

  it('refuses a stream that already holds a launch', () => {
    spec
      .given([launchCreated])
      .when(createLaunch(), { context })
      .thenThrows(ErrorCodes.LAUNCH_ALREADY_EXISTS);
  });

  it.each(['Spring', 'spring_release', 's', '-spring', ''])('refuses the key %j', (key) => {
    spec.given([]).when(createLaunch({ key }), { context }).thenThrows(ErrorCodes.LAUNCH_INVALID_KEY);
  });

  it.each(['', '  ', 'x'.repeat(201)])('refuses the name %j', (name) => {
    spec.given([]).when(createLaunch({ name }), { context }).thenThrows(ErrorCodes.LAUNCH_INVALID_INPUT);
  });

  it.each(['next friday', '2026-02-30', '2026-13-01', '2026-04-01T09:00:00', '2026-04-01T25:00:00Z', ''])(
    'refuses the target date %j',
    (targetDate) => {
      spec
        .given([])
        .when(createLaunch({ targetDate }), { context })
        .thenThrows(ErrorCodes.LAUNCH_INVALID_INPUT);
    },
  );

  it('refuses a target date that has already passed (LAUNCH.TARGET_DATE_IN_PAST)', () => {
    spec
      .given([])
      .when(createLaunch({ targetDate: '2026-03-09T00:00:00Z' }), { context })
      .thenThrows(ErrorCodes.LAUNCH_TARGET_DATE_IN_PAST);
  });

  it('refuses a description longer than 4000 characters', () => {
    spec
      .given([])
      .when(createLaunch({ description: 'x'.repeat(4001) }), { context })
      .thenThrows(ErrorCodes.LAUNCH_INVALID_INPUT);
  });
});
