// Read-model documents built directly, for specs that start from a state rather than from events.
import type { ChecklistItemView, ChecklistView, LaunchView, TeamView } from '../views';
import { LAUNCH_ID, LAUNCH_KEY, TARGET_DATE } from './events';

export const NOW = new Date('2026-02-15T12:00:00.000Z');
export const BEFORE_NOW = '2026-02-14T00:00:00.000Z';
export const AFTER_NOW = '2026-02-20T00:00:00.000Z';

export const itemView = (id: string, overrides: Partial<ChecklistItemView> = {}): ChecklistItemView => ({
  id,
  title: `Title of ${id}`,
  description: null,
  required: true,
  state: 'OPEN',
  dueDate: null,
  dueDaysBeforeLaunch: null,
  ownerUserId: null,
  doneBy: null,
  doneAt: null,
  evidenceUrl: null,
  waiver: null,
  blockedReason: null,
  blockedBy: null,
  ...overrides,
});
export const done = (id: string, overrides: Partial<ChecklistItemView> = {}): ChecklistItemView =>
  itemView(id, { state: 'DONE', doneBy: 'quinn', doneAt: BEFORE_NOW, ...overrides });
export const waived = (id: string, expiresAt: string | null, overrides: Partial<ChecklistItemView> = {}) =>
  itemView(id, {
    state: 'WAIVED',
    waiver: { status: 'APPROVED', reason: 'canary', requestedBy: 'quinn', approvedBy: 'max', expiresAt },
    ...overrides,
  });
export const waiverRequested = (id: string, overrides: Partial<ChecklistItemView> = {}) =>
  itemView(id, {
    waiver: {
      status: 'REQUESTED',
      reason: 'canary',
      requestedBy: 'quinn',
      approvedBy: null,
      expiresAt: null,
    },
    ...overrides,
  });
export const blocked = (id: string, reason: string, overrides: Partial<ChecklistItemView> = {}) =>
  itemView(id, { state: 'BLOCKED', blockedReason: reason, blockedBy: 'quinn', ...overrides });

export const SIGNED = [{ by: 'lead', at: BEFORE_NOW }];

export const checklistView = (
  teamId: string,
  items: ChecklistItemView[],
  overrides: Partial<ChecklistView> = {},
): ChecklistView => ({
  id: `checklist-${teamId}`,
  launchId: LAUNCH_ID,
  teamId,
  teamFunction: 'QA',
  templateId: null,
  templateVersion: null,
  targetDate: TARGET_DATE,
  status: 'OPEN',
  closedReason: null,
  signOffs: [],
  signOffsRequired: 1,
  items,
  createdAt: BEFORE_NOW,
  updatedAt: BEFORE_NOW,
  version: 1,
  ...overrides,
});

export const teamView = (id: string, key: string, name: string): TeamView => ({
  id,
  key,
  name,
  function: 'QA',
  members: [],
  createdAt: BEFORE_NOW,
  updatedAt: BEFORE_NOW,
  version: 1,
});

export const launchView = (overrides: Partial<LaunchView> = {}): LaunchView => ({
  id: LAUNCH_ID,
  key: LAUNCH_KEY,
  name: 'Checkout v2',
  description: null,
  ownerUserId: 'max',
  targetDate: TARGET_DATE,
  status: 'PLANNING',
  requiredTeamIds: [],
  decision: null,
  hypercare: null,
  incidents: [],
  gatePolicies: [],
  lastGateEvaluations: [],
  closedAt: null,
  cancellation: null,
  createdAt: BEFORE_NOW,
  updatedAt: BEFORE_NOW,
  version: 1,
  ...overrides,
});
