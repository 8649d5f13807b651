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

/**
 * Subscribes to "the read model changed": the launch a change concerns, or null when it may concern any
 * launch (a team's name or members, which snapshots of every launch requiring it show). Returns the
 * unsubscribe function.
 */
export type ReadModelChanges = (listener: (launchId: string | null) => void) => () => void;

/**
 * Read-model changes straight from this instance's projector, duplicates included (another instance
 * may have applied them first). Markers (position 0: command outcomes, gate audits, the gateway's own
 * changes) change no document and are skipped, so they do not empty a cache keyed on documents.
 */
export const projectorReadModelChanges =
  (projector: Pick<Projector, 'onProjected'>): ReadModelChanges =>
  (listener) =>
    projector.onProjected((projected) => {
      if (projected.envelope.streamPosition > 0) listener(projected.launchId);
    });
