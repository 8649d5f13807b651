import { s1dDistributedTick } from './s1d-distributed-tick';
import { s1eEmbeddedTick } from './s1e-embedded-tick';
import { s2EventLag } from './s2-event-lag';
import { s3Gate } from './s3-gate';
import { s4Rebuild } from './s4-rebuild';
import { s5HeapPerLaunch } from './s5-heap-per-launch';
import { s5IdleRss } from './s5-idle-rss';
import { s7bGrowthInStore, s7Growth } from './s7-growth';
import type { Scenario } from './scenario';

/** In run order. */
export const SCENARIOS: readonly Scenario[] = [
  s1eEmbeddedTick,
  s1dDistributedTick,
  s2EventLag,
  s3Gate,
  s4Rebuild,
  s5HeapPerLaunch,
  s5IdleRss,
  s7Growth,
  s7bGrowthInStore,
];
