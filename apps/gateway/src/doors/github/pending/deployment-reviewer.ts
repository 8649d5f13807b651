import { newId, type Actor } from '@tminus/contracts';
import { backoffDelay, type Backoff } from '@tminus/messaging';
import type { Logger } from 'pino';
import { badUserInput } from '../../../core/errors/gateway-error';
import type { GateAudit } from '../../../core/gates/audit/gate-audit';
import type { GateDecider } from '../../../core/gates/check-gate';
import type { GateEvaluation } from '../../../core/read-model/domain';
import type { GithubClient } from '../client/github-client';
import { GithubApiError } from '../client/github-http';
import type { EnvironmentMappings } from '../../../core/github/environment-mappings';
import type { PendingDeployment, PendingDeployments } from '../store/pending-deployments';
import type { ProtectionRuleRequest } from '../webhook/protection-rule-event';
import { decideReview, type Review } from './review-decision';

/** Backoff between failed GitHub calls (the shared formula, with ±20 % jitter). */
export type RetryPolicy = Backoff;

export interface DeploymentReviewerOptions {
  readonly pending: PendingDeployments;
  readonly mappings: EnvironmentMappings;
  /** The gateway's GateEvaluator (fails closed when the read model is stale: then it waits). */
  readonly gate: GateDecider;
  readonly github: Pick<GithubClient, 'review' | 'isTrustedCallback'>;
  /** Records the verdict on the launch (its history shows which repository asked). */
  readonly audit: Pick<GateAudit, 'record'>;
  readonly logger: Logger;
  readonly pendingTtlDays: number;
  /** The slow sweep over every pending request: expiries, time-based readiness, missed notifications. */
  readonly recheckIntervalMs: number;
  /** Backoff between failed GitHub calls (default 1 s doubling up to 5 min). */
  readonly retry?: RetryPolicy;
  /** How long one instance may hold a request while it talks to GitHub (default 30 s). */
  readonly leaseMs?: number;
  readonly clock?: () => Date;
}

const DEFAULT_RETRY: RetryPolicy = { initialMs: 1_000, maxMs: 5 * 60_000 };
const DEFAULT_LEASE_MS = 30_000;
const DAY_MS = 86_400_000;

/** The actor of the audit records made for GitHub: the repository acts as a pipeline. */
const githubActor = (repository: string): Actor => ({
  userId: `github:${repository}`,
  role: 'PIPELINE',
});

/**
 * GitHub's custom deployment protection rule. A request is stored first (so a restart still answers
 * it), then reviewed: approved as soon as the gate allows, rejected when it never will, and otherwise
 * one progress comment and a wait. It is reviewed again whenever its launch changes, on every sweep,
 * and after a failed call (with backoff). A verdict is delivered once: the row is marked in the write
 * that records GitHub's acceptance, and a lease keeps other gateway instances from posting it too.
 */
export class DeploymentReviewer {
  private readonly running = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  private readonly retryTimers = new Map<string, NodeJS.Timeout>();
  private sweepTimer: NodeJS.Timeout | null = null;
  private stopped = false;
  private readonly clock: () => Date;
  private readonly retry: RetryPolicy;
  private readonly leaseMs: number;

  constructor(private readonly options: DeploymentReviewerOptions) {
    this.clock = options.clock ?? (() => new Date());
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  }

  /** Reviews what was pending before a restart, then sweeps periodically. */
  async start(): Promise<void> {
    this.stopped = false;
    this.sweepTimer = setInterval(() => void this.recheckAll(), this.options.recheckIntervalMs);
    this.sweepTimer.unref();
    await this.recheckAll();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    this.sweepTimer = null;
    for (const timer of this.retryTimers.values()) clearTimeout(timer);
    this.retryTimers.clear();
    await this.idle();
  }

  /** Stores a verified webhook's request and starts its review (not awaited: GitHub wants a quick 2xx). */
  async request(request: ProtectionRuleRequest): Promise<PendingDeployment> {
    if (!this.options.github.isTrustedCallback(request.callbackUrl)) {
      throw badUserInput([
        {
          field: 'deployment_callback_url',
          message: 'is not under the configured GITHUB_API_URL; nothing was stored',
        },
      ]);
    }
    const mapping = await this.options.mappings.find(request.repository, request.environment);
    const now = this.clock();
    const { pending, created } = await this.options.pending.insert({
      id: newId(),
      repository: request.repository.toLowerCase(),
      environment: request.environment,
      launchId: mapping?.launchId ?? null,
      gateEnvironment: mapping?.gateEnvironment ?? null,
      installationId: request.installationId,
      callbackUrl: request.callbackUrl,
      sha: request.sha,
      ref: request.ref,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + this.options.pendingTtlDays * DAY_MS).toISOString(),
    });
    this.options.logger.info(
      {
        pendingId: pending.id,
        repository: pending.repository,
        environment: pending.environment,
        launchId: pending.launchId,
        created,
      },
      created
        ? 'deployment protection rule requested'
        : 'deployment protection rule requested again (redelivery)',
    );
    void this.review(pending.id);
    return pending;
  }

  /** The projector's (or launch feed's) listener: a launch changed, review what waits on it. */
  readonly launchChanged = (launchId: string): void => {
    if (this.stopped) return;
    this.options.pending
      .undecidedIds(launchId)
      .then((ids) => ids.forEach((id) => void this.review(id)))
      .catch((error: unknown) =>
        this.options.logger.error({ err: error, launchId }, 'cannot list pending deployments'),
      );
  };

  async recheckAll(): Promise<void> {
    try {
      const ids = await this.options.pending.undecidedIds();
      await Promise.all(ids.map((id) => this.review(id)));
    } catch (error) {
      this.options.logger.error({ err: error }, 'cannot re-check pending deployments');
    }
  }

  /** One review at a time per request; asks during a review make one more afterwards. */
  review(id: string): Promise<void> {
    if (this.stopped) return Promise.resolve();
    const current = this.running.get(id);
    if (current) {
      this.again.add(id);
      return current;
    }
    const run = this.reviewOnce(id)
      .catch((error: unknown) => {
        this.options.logger.error({ err: error, pendingId: id }, 'deployment review failed');
        this.scheduleRetry(id, 1);
      })
      .finally(() => {
        this.running.delete(id);
        if (this.again.delete(id)) void this.review(id);
      });
    this.running.set(id, run);
    return run;
  }

  /** Resolves once no review is running (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running.values()]);
  }

  private async reviewOnce(id: string): Promise<void> {
    const pending = await this.options.pending.get(id);
    if (pending === null || pending.state !== 'PENDING') return;
    const now = this.clock();
    if (pending.nextAttemptAt !== null && Date.parse(pending.nextAttemptAt) > now.getTime()) {
      this.scheduleAt(id, Date.parse(pending.nextAttemptAt) - now.getTime());
      return;
    }
    const evaluation = pending.launchId
      ? await this.options.gate.evaluate(pending.launchId, pending.gateEnvironment ?? pending.environment)
      : null;
    const review = decideReview({
      repository: pending.repository,
      environment: pending.environment,
      mapping: pending.launchId
        ? { launchId: pending.launchId, gateEnvironment: pending.gateEnvironment ?? '' }
        : null,
      evaluation,
      now,
      createdAt: new Date(pending.createdAt),
      expiresAt: new Date(pending.expiresAt),
    });
    if (review.kind === 'wait' && pending.progressPostedAt !== null) return;
    const leaseUntil = new Date(now.getTime() + this.leaseMs).toISOString();
    if (!(await this.options.pending.claim(id, now.toISOString(), leaseUntil))) return;
    await this.deliver(pending, review, evaluation);
  }

  private async deliver(
    pending: PendingDeployment,
    review: Review,
    evaluation: GateEvaluation | null,
  ): Promise<void> {
    const { logger } = this.options;
    const state = review.kind === 'approve' ? 'approved' : review.kind === 'reject' ? 'rejected' : undefined;
    try {
      await this.options.github.review({
        callbackUrl: pending.callbackUrl,
        installationId: pending.installationId,
        environmentName: pending.environment,
        state,
        comment: review.comment,
      });
    } catch (error) {
      await this.failed(pending, error);
      return;
    }
    const at = this.clock().toISOString();
    if (state === undefined) {
      await this.options.pending.markProgressPosted(pending.id, at);
      await this.options.pending.release(pending.id);
      logger.info(
        { pendingId: pending.id, launchId: pending.launchId },
        'deployment waiting: progress comment posted',
      );
      return;
    }
    const first = await this.options.pending.markDelivered(
      pending.id,
      state === 'approved' ? 'APPROVED' : 'REJECTED',
      review.comment,
      at,
    );
    logger.info({ pendingId: pending.id, launchId: pending.launchId, state }, `deployment ${state}`);
    if (first && evaluation !== null) await this.recordAudit(pending, evaluation);
  }

  private async recordAudit(pending: PendingDeployment, evaluation: GateEvaluation): Promise<void> {
    const actor = githubActor(pending.repository);
    await this.options.audit.record(evaluation, actor).catch((error: unknown) => {
      // The verdict is delivered; losing its audit is logged loudly rather than undoing anything.
      this.options.logger.error(
        { err: error, pendingId: pending.id },
        'GitHub verdict delivered but not audited',
      );
    });
  }

  private async failed(pending: PendingDeployment, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    const retryable = !(error instanceof GithubApiError) || error.retryable;
    if (!retryable) {
      this.options.logger.error(
        { pendingId: pending.id, err: error },
        'GitHub refused the review; giving up on it',
      );
      await this.options.pending.markFailed(pending.id, message);
      return;
    }
    const attempts = pending.attempts + 1;
    const delay = this.backoff(attempts);
    await this.options.pending.recordFailedAttempt(
      pending.id,
      message,
      new Date(this.clock().getTime() + delay).toISOString(),
    );
    this.options.logger.warn(
      { pendingId: pending.id, attempts, delayMs: delay, err: error },
      'GitHub call failed; retrying',
    );
    this.scheduleAt(pending.id, delay);
  }

  private backoff(attempts: number): number {
    return Math.round(backoffDelay(this.retry, attempts) * (0.8 + Math.random() * 0.4));
  }

  private scheduleRetry(id: string, attempts: number): void {
    this.scheduleAt(id, this.backoff(attempts));
  }

  private scheduleAt(id: string, delayMs: number): void {
    if (this.stopped || this.retryTimers.has(id)) return;
    const timer = setTimeout(
      () => {
        this.retryTimers.delete(id);
        void this.review(id);
      },
      Math.max(0, delayMs),
    );
    timer.unref();
    this.retryTimers.set(id, timer);
  }
}
