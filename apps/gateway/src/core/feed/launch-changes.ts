import type { Projector } from '../read-model/projector/projector';

/** Subscribes to "this launch changed" and returns the unsubscribe function. */
export type LaunchChanges = (listener: (launchId: string) => void) => () => void;

/**
 * Launch changes straight from this instance's projector: every event that concerns a launch (its own
 * and its checklists'), duplicates included (another instance on the same database may have applied
 * it first). Gate audits are skipped: they cannot change a decision, and the reviewer records them.
 */
export const projectorLaunchChanges =
  (projector: Pick<Projector, 'onProjected'>): LaunchChanges =>
  (listener) =>
    projector.onProjected((projected) => {
      if (projected.launchId !== null && projected.envelope.type !== 'GateEvaluated')
        listener(projected.launchId);
    });
