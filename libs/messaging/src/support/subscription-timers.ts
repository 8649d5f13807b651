/**
 * The timers a subscription sets (redelivery after a backoff, a consumer restart): all cleared when
 * it stops, and an action whose time comes after the stop never runs.
 */
export class SubscriptionTimers {
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly isStopped: () => boolean) {}

  later(delayMs: number, action: () => unknown): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.isStopped()) void action();
    }, delayMs);
    this.timers.add(timer);
  }

  clear(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
