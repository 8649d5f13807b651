/** A readiness check: resolves true when its part works (it may also throw: that counts as down). */
export type HealthCheck = () => boolean | Promise<boolean>;

/**
 * The one `/health` shape of all four apps: the overall status and each dependency by name. Probes and
 * dashboards read the same JSON whatever app answers it.
 */
export interface HealthReport {
  readonly status: 'up' | 'down';
  readonly checks: Readonly<Record<string, 'up' | 'down'>>;
}

/** What `/health` and `/health/ready` ask; {@link ServiceHealth} is the usual implementation. */
export interface HealthSource {
  report(): Promise<HealthReport>;
}

/** `GET /health`: 200 once every check is up (the service consumes, its database answers), 503 otherwise. */
export class ServiceHealth implements HealthSource {
  private readonly checks = new Map<string, HealthCheck>();

  add(name: string, check: HealthCheck): this {
    this.checks.set(name, check);
    return this;
  }

  async report(): Promise<HealthReport> {
    const entries = await Promise.all(
      [...this.checks].map(async ([name, check]) => {
        try {
          return [name, (await check()) ? 'up' : 'down'] as const;
        } catch {
          return [name, 'down'] as const;
        }
      }),
    );
    const status = entries.every(([, state]) => state === 'up') ? 'up' : 'down';
    return { status, checks: Object.fromEntries(entries) };
  }
}

/** Liveness: the process answers HTTP. No dependency is checked: restarting would not fix them. */
export const LIVE_REPORT: HealthReport = { status: 'up', checks: {} };
