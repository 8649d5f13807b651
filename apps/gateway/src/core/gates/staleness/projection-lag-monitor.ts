import type { MessageBus } from '@tminus/messaging';
import type { Logger } from 'pino';
import type { Staleness } from '../../read-model/domain';
import { LagWatermarks, type PartitionLag } from './lag-watermarks';

export interface ProjectionLagMonitorOptions {
  readonly bus: Pick<MessageBus, 'positions'>;
  /** The projector's consumer group (`gateway-<instance id>`) and the topics it reads. */
  readonly groupId: string;
  readonly topics: readonly string[];
  /** Whether the projector consumes at all (a stopped consumer is not "caught up"). */
  readonly isProjectorRunning: () => boolean;
  /** GATE_MAX_LAG_MS: beyond this the gate fails closed with READ_MODEL_STALE. */
  readonly maxLagMs: number;
  /** How often positions are sampled (default 1 s): the lag is exact to one interval. */
  readonly sampleIntervalMs?: number;
  readonly logger: Logger;
  readonly clock?: () => number;
}

const DEFAULT_SAMPLE_INTERVAL_MS = 1_000;

/**
 * Knows whether the read model is fresh enough for a gate decision, without slowing the gate down: it
 * samples the projector group's positions in the background, and `staleness()` answers from memory.
 * Fails closed: stale while the projector is not running, before the first sample, and when positions
 * could not be read for a while (the broker is unreachable, so nobody knows what is missing).
 */
export class ProjectionLagMonitor {
  private readonly watermarks = new LagWatermarks();
  private readonly interval: number;
  private readonly clock: () => number;
  private timer: NodeJS.Timeout | null = null;
  private lastSampleAt: number | null = null;
  private lastError: string | null = null;
  private sampling: Promise<void> | null = null;

  constructor(private readonly options: ProjectionLagMonitorOptions) {
    this.interval = options.sampleIntervalMs ?? DEFAULT_SAMPLE_INTERVAL_MS;
    this.clock = options.clock ?? Date.now;
  }

  /** GATE_MAX_LAG_MS: how far behind the read model may be before gates deny. */
  get maxLagMs(): number {
    return this.options.maxLagMs;
  }

  /** Samples once at once (so the gate opens as soon as the read model is known fresh), then periodically. */
  async start(): Promise<void> {
    if (this.timer) return;
    this.timer = setInterval(() => void this.sample(), this.interval);
    this.timer.unref();
    await this.sample();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.sampling;
  }

  /** One sample of every topic's positions; overlapping calls share the one in flight. */
  sample(): Promise<void> {
    this.sampling ??= this.readPositions().finally(() => (this.sampling = null));
    return this.sampling;
  }

  /** The verdict the gate needs, from memory. */
  staleness(): Staleness {
    const now = this.clock();
    if (!this.options.isProjectorRunning()) return { stale: true, detail: 'the projector is not running' };
    if (this.lastSampleAt === null) {
      return {
        stale: true,
        detail: `consumer positions not read yet${this.lastError ? `: ${this.lastError}` : ''}`,
      };
    }
    const sampleAge = now - this.lastSampleAt;
    if (sampleAge > Math.max(this.options.maxLagMs, 3 * this.interval)) {
      return {
        stale: true,
        detail: `consumer positions unknown for ${Math.round(sampleAge / 1000)} s${this.lastError ? `: ${this.lastError}` : ''}`,
      };
    }
    const lagMs = this.watermarks.lagMs(now);
    if (lagMs <= this.options.maxLagMs) return { stale: false };
    const { events, topics } = this.watermarks.backlog();
    return {
      stale: true,
      detail: `${events} event(s) on ${topics.join(', ')} waiting for ${Math.round(lagMs / 100) / 10} s, more than the ${this.options.maxLagMs} ms allowed`,
    };
  }

  /** Lag in milliseconds at the last sample (for metrics and health). */
  lagMs(): number {
    return this.watermarks.lagMs(this.clock());
  }

  private async readPositions(): Promise<void> {
    const { bus, groupId, topics, logger } = this.options;
    if (!bus.positions) {
      this.lastError = 'the bus cannot report consumer positions';
      return;
    }
    try {
      const at = this.clock();
      const perTopic = await Promise.all(
        topics.map(async (topic): Promise<PartitionLag[]> =>
          (await bus.positions!(groupId, topic)).map((position) => ({
            topic,
            partition: position.partition,
            next: Number(position.next),
            end: Number(position.end),
          })),
        ),
      );
      this.watermarks.observe(at, perTopic.flat());
      this.lastSampleAt = at;
      this.lastError = null;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (this.lastError !== message)
        logger.warn({ err: error, groupId }, 'cannot read the projector positions');
      this.lastError = message;
    }
  }
}
