import { evaluation } from '../../../core/gates/testing/gate-fixtures';
import { blockerSummary, decideReview, MAX_COMMENT, type ReviewInput } from './review-decision';

const NOW = new Date('2026-02-15T12:00:00.000Z');
const input = (overrides: Partial<ReviewInput> = {}): ReviewInput => ({
  repository: 'acme/checkout',
  environment: 'Production',
  mapping: { launchId: 'launch-1', gateEnvironment: 'production' },
  evaluation: evaluation(),
  now: NOW,
  createdAt: new Date('2026-02-10T12:00:00.000Z'),
  expiresAt: new Date('2026-03-07T12:00:00.000Z'),
  ...overrides,
});

describe('decideReview', () => {
  it('approves when the gate allows', () => {
    expect(decideReview(input({ evaluation: evaluation({ ready: true }) }))).toEqual({
      kind: 'approve',
      comment: 'tminus: launch checkout-v2 → production is ALLOWED (readiness 100%, position 42).',
    });
  });

  it('waits with a progress comment naming the blockers while the gate denies', () => {
    const review = decideReview(input());
    expect(review.kind).toBe('wait');
    expect(review.comment).toMatch(
      /^tminus: waiting for launch checkout-v2 → production \(readiness 0%, position 42\)\. Blockers: qa: 'Regression suite green' \(OPEN_REQUIRED_ITEM\); qa: .+ \(NOT_SIGNED_OFF\)\. This deployment is approved as soon as the gate allows it\.$/,
    );
  });

  it('rejects a cancelled launch', () => {
    const review = decideReview(input({ evaluation: evaluation({ launch: { status: 'CANCELLED' } }) }));
    expect(review).toEqual({
      kind: 'reject',
      comment: 'tminus: launch checkout-v2 → production is DENIED: the launch is cancelled.',
    });
  });

  it('waits, never rejects, while the read model is stale', () => {
    const review = decideReview(
      input({ evaluation: evaluation({ ready: true, staleness: { stale: true } }) }),
    );
    expect(review.kind).toBe('wait');
    expect(review.comment).toContain('READ_MODEL_STALE');
  });

  it('rejects an unmapped environment, saying how to map it', () => {
    const review = decideReview(input({ mapping: null, evaluation: null }));
    expect(review.kind).toBe('reject');
    expect(review.comment).toContain('no launch is mapped to environment "Production" of acme/checkout');
    expect(review.comment).toContain('mapGithubEnvironment');
  });

  it('rejects when the mapped launch is unknown', () => {
    expect(decideReview(input({ evaluation: null })).kind).toBe('reject');
  });

  it('rejects once the wait ran out, before GitHub gives up', () => {
    const review = decideReview(input({ now: new Date('2026-03-07T12:00:00.000Z') }));
    expect(review.kind).toBe('reject');
    expect(review.comment).toMatch(/^tminus: launch checkout-v2 → production was still DENIED after 25 days/);
  });

  it('keeps comments short', () => {
    const many = evaluation();
    const reasons = Array.from({ length: 40 }, () => ({ ...many.reasons[0], itemTitle: 'x'.repeat(300) }));
    const review = decideReview(input({ evaluation: { ...many, reasons } }));
    expect(review.comment.length).toBeLessThanOrEqual(MAX_COMMENT);
    expect(blockerSummary(reasons)).toContain('and 35 more');
  });
});
