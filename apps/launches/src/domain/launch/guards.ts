import { DomainError, ErrorCodes, type LaunchStatus } from '@tminus/contracts';
import type { ExistingLaunch, LaunchState } from './state';

export const requireLaunch = (state: LaunchState, launchId: unknown): ExistingLaunch => {
  if (state.exists) return state;
  throw new DomainError(ErrorCodes.LAUNCH_NOT_FOUND, `Launch ${String(launchId)} does not exist.`);
};

/** Cancelled and closed launches are history: only gate audits may still be recorded against them. */
export const requireNotEnded = (launch: ExistingLaunch): ExistingLaunch => {
  if (launch.status === 'CANCELLED') {
    throw new DomainError(
      ErrorCodes.LAUNCH_CANCELLED,
      `Launch "${launch.key}" is cancelled: it cannot change.`,
    );
  }
  if (launch.status === 'CLOSED') {
    throw new DomainError(ErrorCodes.LAUNCH_CLOSED, `Launch "${launch.key}" is closed: it cannot change.`);
  }
  return launch;
};

export interface StatusRule {
  readonly allowed: readonly LaunchStatus[];
  /** What the command does, for the message: "rescheduling", "marking it launched". */
  readonly action: string;
  readonly code?: string;
  readonly hint?: string;
}

export const requireStatus = (launch: ExistingLaunch, rule: StatusRule): void => {
  if (rule.allowed.includes(launch.status)) return;
  const hint = rule.hint ? ` ${rule.hint}` : '';
  throw new DomainError(
    rule.code ?? ErrorCodes.LAUNCH_INVALID_TRANSITION,
    `Launch "${launch.key}" is ${launch.status}: ${rule.action} is only possible in ${rule.allowed.join(' or ')}.${hint}`,
  );
};

/** Team lists, go/no-go decisions and dates are settled once a launch is live. */
export const BEFORE_LIVE: readonly LaunchStatus[] = ['PLANNING', 'GO'];
