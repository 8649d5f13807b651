/** A readiness check: resolves true when its part works (it may also throw: that counts as down). */
export type HealthCheck = () => boolean | Promise<boolean>;

export interface HealthReport {
  readonly healthy: boolean;
  readonly checks: Record<string, 'up' | 'down'>;
}

/** `GET /health`: 200 once the service consumes and its database answers, 503 before (and after close). */
export class ServiceHealth {
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
    return { healthy: entries.every(([, state]) => state === 'up'), checks: Object.fromEntries(entries) };
  }
}
