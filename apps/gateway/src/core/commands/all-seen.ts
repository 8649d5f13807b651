import type { ProjectedEnvelope } from '../read-model/projector/project-envelope';

/**
 * A follow-up that holds once an event of `type` was projected for every stream in `streamIds` (a
 * mutation whose effects span several streams returns when all of them are visible). Stateful: give
 * each command its own.
 */
export const allSeen = (
  type: string,
  streamIds: readonly string[],
): ((projected: ProjectedEnvelope) => boolean) => {
  const waiting = new Set(streamIds);
  return ({ envelope }) => {
    if (envelope.type === type) waiting.delete(envelope.streamId);
    return waiting.size === 0;
  };
};
