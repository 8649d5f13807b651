import { z } from 'zod';

export interface GateConfig {
  /** GATE_MAX_LAG_MS: a read model further behind the event log than this denies with READ_MODEL_STALE. */
  readonly maxLagMs: number;
  /** GATE_LAG_SAMPLE_MS: how often the projector's positions are sampled. */
  readonly lagSampleMs: number;
}

const schema = z.object({
  GATE_MAX_LAG_MS: z.coerce
    .number({ error: 'GATE_MAX_LAG_MS must be a number of milliseconds' })
    .int('GATE_MAX_LAG_MS must be a whole number')
    .min(100, 'GATE_MAX_LAG_MS must be at least 100')
    .default(10_000),
  GATE_LAG_SAMPLE_MS: z.coerce
    .number({ error: 'GATE_LAG_SAMPLE_MS must be a number of milliseconds' })
    .int('GATE_LAG_SAMPLE_MS must be a whole number')
    .min(50, 'GATE_LAG_SAMPLE_MS must be at least 50')
    .max(60_000, 'GATE_LAG_SAMPLE_MS must be at most 60000')
    .default(1_000),
});

/** Reads the gate settings; throws an Error naming every problem. Empty values count as unset. */
export function loadGateConfig(env: Readonly<Record<string, string | undefined>>): GateConfig {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = schema.safeParse(present);
  if (!parsed.success)
    throw new Error(`Invalid gate configuration: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  return { maxLagMs: parsed.data.GATE_MAX_LAG_MS, lagSampleMs: parsed.data.GATE_LAG_SAMPLE_MS };
}
