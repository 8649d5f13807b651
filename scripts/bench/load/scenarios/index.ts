import { s1dDistributedTick } from './s1d-distributed-tick';
import { s1eEmbeddedTick } from './s1e-embedded-tick';
import { s2EventLag } from './s2-event-lag';
import { s3Gate } from './s3-gate';
import { s7Growth } from './s7-growth';
import type { Scenario } from './scenario';

/** In run order. */
export const SCENARIOS: readonly Scenario[] = [
  s1eEmbeddedTick,
  s1dDistributedTick,
  s2EventLag,
  s3Gate,
  s7Growth,
];
