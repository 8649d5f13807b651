import type { Blocker, GateEvaluation } from '../../../core/read-model/domain';

/** What the gateway tells GitHub about a pending deployment. */
export type Review =
  | { readonly kind: 'approve'; readonly comment: string }
  | { readonly kind: 'reject'; readonly comment: string }
  /** Not decided yet: a progress comment (sent once) and keep waiting. */
  | { readonly kind: 'wait'; readonly comment: string };

export interface ReviewInput {
  readonly repository: string;
  readonly environment: string;
  /** The mapped launch and the environment its gate is asked for; null when nothing is mapped. */
  readonly mapping: { readonly launchId: string; readonly gateEnvironment: string } | null;
  /** The gate's decision; null when the mapped launch is unknown to the read model. */
  readonly evaluation: GateEvaluation | null;
  readonly now: Date;
  /** When the gateway stops waiting (before GitHub's own 30 days). */
  readonly expiresAt: Date;
  readonly createdAt: Date;
}

const MAX_LISTED = 5;
/** Comments show in the workflow run; a short paragraph reads better than a dump. */
export const MAX_COMMENT = 1_000;

const clip = (text: string): string =>
  text.length <= MAX_COMMENT ? text : `${text.slice(0, MAX_COMMENT - 1)}…`;

const describeBlocker = (blocker: Blocker): string => {
  const where = blocker.teamKey ?? blocker.teamId;
  const what = blocker.itemTitle ? `'${blocker.itemTitle}'` : blocker.message;
  return `${where ? `${where}: ` : ''}${what} (${blocker.code})`;
};

export const blockerSummary = (reasons: readonly Blocker[]): string => {
  const listed = reasons.slice(0, MAX_LISTED).map(describeBlocker).join('; ');
  return reasons.length > MAX_LISTED ? `${listed}; and ${reasons.length - MAX_LISTED} more` : listed;
};

const days = (from: Date, to: Date): number => Math.round((to.getTime() - from.getTime()) / 86_400_000);

/**
 * The protection rule's answer. Approve when the gate allows; reject when it never will (nothing
 * mapped, launch unknown or cancelled) or the wait ran out; otherwise wait. A stale read model is a
 * reason to wait, never to reject: the gate will know better in a moment.
 */
export function decideReview(input: ReviewInput): Review {
  const { repository, environment, mapping, evaluation } = input;
  if (mapping === null) {
    return {
      kind: 'reject',
      comment: clip(
        `tminus: no launch is mapped to environment "${environment}" of ${repository}. ` +
          'Map one with the mapGithubEnvironment mutation, then re-run the deployment.',
      ),
    };
  }
  if (evaluation === null) {
    return {
      kind: 'reject',
      comment: clip(`tminus: the launch mapped to "${environment}" (${mapping.launchId}) does not exist.`),
    };
  }
  const subject = `launch ${evaluation.launchKey} → ${evaluation.environment}`;
  const readiness = `readiness ${evaluation.readiness.percent}%, position ${evaluation.position}`;
  if (evaluation.decision === 'ALLOWED') {
    return { kind: 'approve', comment: clip(`tminus: ${subject} is ALLOWED (${readiness}).`) };
  }
  if (evaluation.reasons.some((reason) => reason.code === 'LAUNCH_CANCELLED')) {
    return { kind: 'reject', comment: clip(`tminus: ${subject} is DENIED: the launch is cancelled.`) };
  }
  const blockers = blockerSummary(evaluation.reasons);
  if (input.now.getTime() >= input.expiresAt.getTime()) {
    return {
      kind: 'reject',
      comment: clip(
        `tminus: ${subject} was still DENIED after ${days(input.createdAt, input.now)} days; no longer waiting. ` +
          `Blockers: ${blockers}`,
      ),
    };
  }
  return {
    kind: 'wait',
    comment: clip(
      `tminus: waiting for ${subject} (${readiness}). Blockers: ${blockers}. ` +
        'This deployment is approved as soon as the gate allows it.',
    ),
  };
}
