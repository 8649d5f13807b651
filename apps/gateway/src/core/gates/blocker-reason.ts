import type { BlockerCode } from '@tminus/contracts';
import type { Blocker } from '../read-model/domain';

/**
 * A blocker as every door shows it: the team's key and the item's title, plus their ids. One mapping
 * so the REST gate's reasons and GraphQL's `Blocker` say the same words.
 */
export interface BlockerReason {
  readonly code: BlockerCode;
  readonly team: string | null;
  readonly teamId: string | null;
  readonly item: string | null;
  readonly itemId: string | null;
  readonly message: string;
}

export const blockerReasonOf = (blocker: Blocker): BlockerReason => ({
  code: blocker.code,
  team: blocker.teamKey ?? blocker.teamId,
  teamId: blocker.teamId,
  item: blocker.itemTitle,
  itemId: blocker.itemId,
  message: blocker.message,
});
