import type { Projector } from '../read-model/projector/projector';

/** Subscribes to "this launch changed" and returns the unsubscribe function. */
export type LaunchChanges = (listener: (launchId: string) => void) => () => void;

/** Injection token of the gateway's LaunchChanges (the core's per-launch change feed). */
export const LAUNCH_CHANGES = Symbol('LAUNCH_CHANGES');

/**
 * Launch changes straight from this instance's projector: every event that concerns a launch (its own
 * and its checklists'), by launch id, duplicates included (another instance on the same database may have applied
 * it first). Gate audits are skipped: they cannot change a decision, and the reviewer records them.
 * Costs a comparison per event: no snapshot read, no readiness, no lock (a listener that needs more
 * reads only the launches it cares about).
 */
export const projectorLaunchChanges =
  (projector: Pick<Projector, 'onProjected'>): LaunchChanges =>
  (listener) =>
    projector.onProjected((projected) => {
      if (projected.launchId !== null && projected.envelope.type !== 'GateEvaluated')
        listener(projected.launchId);
    });
