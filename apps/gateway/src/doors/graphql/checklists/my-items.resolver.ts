import { Inject } from '@nestjs/common';
import { Args, Context, Int, Query, Resolver } from '@nestjs/graphql';
import { authorize } from '../../../core/auth/access-control';
import { compareOwnedKeys, ownedItemKey, type OwnedItemKey } from '../../../core/read-model/domain';
import { encodeCursor } from '../../../core/read-model/queries/cursor';
import { ReadModelQueries } from '../../../core/read-model/queries/read-model-queries';
import { Clock } from '../../../core/clock';
import type { GatewayContext } from '../common/gateway-context';
import { cursorValue, pageSize } from '../common/pagination';
import { toChecklistItem } from './checklist.mapper';
import { ChecklistItemConnection } from './checklist.types';

const isOwnedItemKey = (value: unknown): value is OwnedItemKey => {
  const key = value as Partial<OwnedItemKey> | null;
  return (
    typeof key === 'object' &&
    key !== null &&
    (key.due === null || typeof key.due === 'string') &&
    typeof key.title === 'string' &&
    typeof key.id === 'string'
  );
};

/** The viewer's own open items across every launch. */
@Resolver()
export class MyItemsResolver {
  constructor(
    @Inject(ReadModelQueries) private readonly queries: ReadModelQueries,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  @Query(() => ChecklistItemConnection, {
    description: 'The open checklist items the viewer owns (neither done nor waived), soonest due first.',
  })
  async myItems(
    @Context() ctx: GatewayContext,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): Promise<ChecklistItemConnection> {
    const principal = authorize(ctx.principal, 'read');
    const size = pageSize(first);
    const cursor = cursorValue(after, isOwnedItemKey);
    const owned = await this.queries.openItemsOwnedBy(principal.userId);
    const rest = cursor === null ? owned : owned.filter((o) => compareOwnedKeys(ownedItemKey(o), cursor) > 0);
    const now = this.clock.now();
    const edges = rest.slice(0, size).map((o) => ({
      cursor: encodeCursor(ownedItemKey(o)),
      node: toChecklistItem(o.item, o.checklist.id, now),
    }));
    return {
      edges,
      totalCount: owned.length,
      pageInfo: {
        hasNextPage: rest.length > size,
        hasPreviousPage: cursor !== null,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }
}
