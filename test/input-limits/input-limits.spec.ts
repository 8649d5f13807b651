// The gateway accepts exactly what the deciders accept: at every input limit of the contracts, the
// longest valid value and one character more, through the gateway's validation and the real decider.
import {
  CHECK_NAME,
  DomainError,
  fold,
  INPUT_LIMITS,
  MAX_QUIET_PERIOD_HOURS,
  type Decider,
  type Message,
} from '@tminus/contracts';
import type { ZodType } from 'zod';
import { checklistDecider } from '../../apps/checklists/src/domain';
import {
  CHECKLIST_ID,
  NOW,
  opened,
  REQUIRED,
  ADMIN,
} from '../../apps/checklists/src/domain/checklist/checklist.fixtures';
import {
  addChecklistItemSchema,
  blockItemSchema,
  tickItemSchema,
  waiveItemSchema,
} from '../../apps/gateway/src/doors/graphql/checklists/checklist.validation';
import { setGatePolicySchema } from '../../apps/gateway/src/doors/graphql/gate/gate.validation';
import {
  cancelLaunchSchema,
  createLaunchSchema,
  markLaunchedSchema,
  recordGoNoGoSchema,
} from '../../apps/gateway/src/doors/graphql/launches/launch.validation';
import { createTeamSchema } from '../../apps/gateway/src/doors/graphql/teams/team.validation';
import { launchDecider } from '../../apps/launches/src/domain';
import { teamDecider } from '../../apps/teams/src/domain';

const context = { now: NOW, actor: ADMIN };
const LAUNCH_ID = 'launch-1';
const TARGET_DATE = '2026-03-01T09:00:00.000Z';
const URL_PREFIX = 'https://ci.example.com/';

const gatewayAccepts = (schema: ZodType, input: unknown): boolean => schema.safeParse(input).success;

/** Whether the decider takes the command (an empty list is accepted too; only a DomainError refuses). */
function deciderAccepts<Command extends Message, Event extends Message, State>(
  decider: Decider<Command, Event, State>,
  given: readonly Event[],
  command: Command,
): boolean {
  try {
    decider.decide(command, fold(decider, given), context);
    return true;
  } catch (error) {
    if (error instanceof DomainError) return false;
    throw error;
  }
}

const created = launchDecider.decide(
  {
    type: 'CreateLaunch',
    data: { launchId: LAUNCH_ID, key: 'checkout-v2', name: 'Checkout', targetDate: TARGET_DATE },
  },
  launchDecider.initialState(),
  context,
);

/** A launch with a GO decision: it may go live (where `quietPeriodHours` is set). */
const go = [
  ...created,
  ...launchDecider.decide(
    { type: 'RecordGoNoGo', data: { launchId: LAUNCH_ID, decision: 'GO' } },
    fold(launchDecider, created),
    context,
  ),
];

/** The longest name CHECK_NAME takes: a first character, then at most 63 (`{0,63}`). */
const CHECK_NAME_LIMIT = 64;

interface Boundary {
  readonly limit: number;
  readonly gateway: (value: string) => boolean;
  readonly decider: (value: string) => boolean;
  /** The value of a given length (default: that many x). */
  readonly sized?: (length: number) => string;
}

const BOUNDARIES: Readonly<Record<string, Boundary>> = {
  'launch name': {
    limit: INPUT_LIMITS.name,
    gateway: (name) =>
      gatewayAccepts(createLaunchSchema, { key: 'checkout-v2', name, targetDate: TARGET_DATE }),
    decider: (name) =>
      deciderAccepts(launchDecider, [], {
        type: 'CreateLaunch',
        data: { launchId: LAUNCH_ID, key: 'checkout-v2', name, targetDate: TARGET_DATE },
      }),
  },
  'launch description': {
    limit: INPUT_LIMITS.launchText,
    gateway: (description) =>
      gatewayAccepts(createLaunchSchema, {
        key: 'checkout-v2',
        name: 'Checkout',
        targetDate: TARGET_DATE,
        description,
      }),
    decider: (description) =>
      deciderAccepts(launchDecider, [], {
        type: 'CreateLaunch',
        data: {
          launchId: LAUNCH_ID,
          key: 'checkout-v2',
          name: 'Checkout',
          targetDate: TARGET_DATE,
          description,
        },
      }),
  },
  'go/no-go notes': {
    limit: INPUT_LIMITS.launchText,
    gateway: (notes) => gatewayAccepts(recordGoNoGoSchema, { launchId: LAUNCH_ID, decision: 'NO_GO', notes }),
    decider: (notes) =>
      deciderAccepts(launchDecider, created, {
        type: 'RecordGoNoGo',
        data: { launchId: LAUNCH_ID, decision: 'NO_GO', notes },
      }),
  },
  'cancellation reason': {
    limit: INPUT_LIMITS.launchText,
    gateway: (reason) => gatewayAccepts(cancelLaunchSchema, { launchId: LAUNCH_ID, reason }),
    decider: (reason) =>
      deciderAccepts(launchDecider, created, { type: 'CancelLaunch', data: { launchId: LAUNCH_ID, reason } }),
  },
  'gate environment name': {
    limit: 63,
    gateway: (environment) =>
      gatewayAccepts(setGatePolicySchema, {
        launchId: LAUNCH_ID,
        environment,
        requireReady: true,
        minReadinessPercent: 100,
        requireGoDecision: true,
      }),
    decider: (environment) =>
      deciderAccepts(launchDecider, created, {
        type: 'SetGatePolicy',
        data: {
          launchId: LAUNCH_ID,
          environment,
          requireReady: true,
          minReadinessPercent: 100,
          requireGoDecision: true,
        },
      }),
  },
  'team name': {
    limit: INPUT_LIMITS.name,
    gateway: (name) => gatewayAccepts(createTeamSchema, { key: 'qa', name, function: 'QA' }),
    decider: (name) =>
      deciderAccepts(teamDecider, [], {
        type: 'CreateTeam',
        data: { teamId: 'team-qa', key: 'qa', name, function: 'QA' },
      }),
  },
  'item title': {
    limit: INPUT_LIMITS.name,
    gateway: (title) =>
      gatewayAccepts(addChecklistItemSchema, { checklistId: CHECKLIST_ID, title, required: true }),
    decider: (title) =>
      deciderAccepts(checklistDecider, [opened()], {
        type: 'AddChecklistItem',
        data: { checklistId: CHECKLIST_ID, itemId: 'item-new', title, required: true },
      }),
  },
  'item description': {
    limit: INPUT_LIMITS.itemDescription,
    gateway: (description) =>
      gatewayAccepts(addChecklistItemSchema, {
        checklistId: CHECKLIST_ID,
        title: 'Docs',
        required: true,
        description,
      }),
    decider: (description) =>
      deciderAccepts(checklistDecider, [opened()], {
        type: 'AddChecklistItem',
        data: { checklistId: CHECKLIST_ID, itemId: 'item-new', title: 'Docs', required: true, description },
      }),
  },
  'evidence URL': {
    limit: INPUT_LIMITS.evidenceUrl,
    sized: (length) => URL_PREFIX + 'x'.repeat(length - URL_PREFIX.length),
    gateway: (evidenceUrl) => gatewayAccepts(tickItemSchema, { itemId: REQUIRED.itemId, evidenceUrl }),
    decider: (evidenceUrl) =>
      deciderAccepts(checklistDecider, [opened()], {
        type: 'TickItem',
        data: { checklistId: CHECKLIST_ID, itemId: REQUIRED.itemId, evidenceUrl },
      }),
  },
  'CI check name': {
    limit: CHECK_NAME_LIMIT,
    gateway: (check) =>
      gatewayAccepts(addChecklistItemSchema, {
        checklistId: CHECKLIST_ID,
        title: 'E2E',
        required: true,
        check,
      }),
    decider: (check) =>
      deciderAccepts(checklistDecider, [opened()], {
        type: 'AddChecklistItem',
        data: { checklistId: CHECKLIST_ID, itemId: 'item-new', title: 'E2E', required: true, check },
      }),
  },
  'block reason': {
    limit: INPUT_LIMITS.checklistReason,
    gateway: (reason) => gatewayAccepts(blockItemSchema, { itemId: REQUIRED.itemId, reason }),
    decider: (reason) =>
      deciderAccepts(checklistDecider, [opened()], {
        type: 'BlockItem',
        data: { checklistId: CHECKLIST_ID, itemId: REQUIRED.itemId, reason },
      }),
  },
  'waiver reason': {
    limit: INPUT_LIMITS.checklistReason,
    gateway: (reason) => gatewayAccepts(waiveItemSchema, { itemId: REQUIRED.itemId, reason }),
    decider: (reason) =>
      deciderAccepts(checklistDecider, [opened()], {
        type: 'WaiveItem',
        data: { checklistId: CHECKLIST_ID, itemId: REQUIRED.itemId, reason },
      }),
  },
};

/** Whole-number limits: the largest valid value and one more. */
interface NumericBoundary {
  readonly limit: number;
  readonly gateway: (value: number) => boolean;
  readonly decider: (value: number) => boolean;
}

const NUMERIC_BOUNDARIES: Readonly<Record<string, NumericBoundary>> = {
  quietPeriodHours: {
    limit: MAX_QUIET_PERIOD_HOURS,
    gateway: (hours) => gatewayAccepts(markLaunchedSchema, { launchId: LAUNCH_ID, quietPeriodHours: hours }),
    decider: (hours) =>
      deciderAccepts(launchDecider, go, {
        type: 'MarkLaunched',
        data: { launchId: LAUNCH_ID, quietPeriodHours: hours },
      }),
  },
};

describe('input limits: the gateway accepts exactly what the deciders accept', () => {
  describe.each(Object.entries(BOUNDARIES))('%s', (_name, boundary) => {
    const sized = boundary.sized ?? ((length: number) => 'x'.repeat(length));

    it(`accepts the longest valid value (${boundary.limit} characters) at the gateway and in the decider`, () => {
      const longest = sized(boundary.limit);
      expect(longest).toHaveLength(boundary.limit);
      expect([boundary.gateway(longest), boundary.decider(longest)]).toEqual([true, true]);
    });

    it('refuses one character more at the gateway and in the decider', () => {
      const over = sized(boundary.limit + 1);
      expect([boundary.gateway(over), boundary.decider(over)]).toEqual([false, false]);
    });
  });

  describe.each(Object.entries(NUMERIC_BOUNDARIES))('%s', (_name, boundary) => {
    it(`accepts ${boundary.limit} at the gateway and in the decider`, () => {
      expect([boundary.gateway(boundary.limit), boundary.decider(boundary.limit)]).toEqual([true, true]);
    });

    it(`refuses ${boundary.limit + 1} at the gateway and in the decider`, () => {
      const over = boundary.limit + 1;
      expect([boundary.gateway(over), boundary.decider(over)]).toEqual([false, false]);
    });
  });

  it('the CI check name limit is the one CHECK_NAME sets', () => {
    expect(CHECK_NAME.test('x'.repeat(CHECK_NAME_LIMIT))).toBe(true);
    expect(CHECK_NAME.test('x'.repeat(CHECK_NAME_LIMIT + 1))).toBe(false);
  });

  it('covers every free-text limit of the contracts', () => {
    const covered = new Set(Object.values(BOUNDARIES).map((boundary) => boundary.limit));
    for (const limit of [
      INPUT_LIMITS.name,
      INPUT_LIMITS.launchText,
      INPUT_LIMITS.itemDescription,
      INPUT_LIMITS.checklistReason,
      INPUT_LIMITS.evidenceUrl,
    ]) {
      expect(covered).toContain(limit);
    }
  });
});
