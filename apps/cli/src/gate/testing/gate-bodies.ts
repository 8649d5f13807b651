import type { GateBody, GateReason } from '../gate-body';

/** Gate bodies as the gateway sends them, for the CLI's tests. */
export const LAUNCH = { id: '0b9d1b7e-5b9a-4a38-9b3e-0d7b1c9d2f10', key: 'checkout-v2' } as const;

export const reason = (overrides: Partial<GateReason> = {}): GateReason => ({
  code: 'OPEN_REQUIRED_ITEM',
  message: "QA: 'Regression suite green' is open",
  team: 'qa',
  teamId: 'team-qa',
  item: 'Regression suite green',
  itemId: 'item-1',
  ...overrides,
});

export const gateBody = (overrides: Partial<GateBody> = {}): GateBody => {
  const reasons = overrides.reasons ?? [];
  const decision = overrides.decision ?? (reasons.length === 0 ? 'ALLOWED' : 'DENIED');
  return {
    decision,
    reasons,
    readiness: {
      ready: decision === 'ALLOWED',
      percent: decision === 'ALLOWED' ? 100 : 62,
      counts: {
        requiredItems: 8,
        doneOrWaived: decision === 'ALLOWED' ? 8 : 5,
        open: 3,
        blocked: 0,
        overdue: 0,
      },
    },
    evaluatedAt: '2026-11-25T12:00:00.000Z',
    position: '41',
    launch: { ...LAUNCH },
    environment: 'production',
    ...overrides,
  };
};

export const allowed = (): GateBody => gateBody();
export const denied = (reasons: GateReason[] = [reason()]): GateBody => gateBody({ reasons });
