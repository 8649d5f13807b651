import { Inject } from '@nestjs/common';
import { Args, Context, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { authorize } from '../../../core/auth/access-control';
import { AuditTrail } from '../../../core/read-model/audit/audit-trail';
import { toHistoryEntry } from '../../../core/read-model/domain';
import { encodeCursor } from '../../../core/read-model/queries/cursor';
import { ReadModelQueries } from '../../../core/read-model/queries/read-model-queries';
import type { GatewayContext } from '../common/gateway-context';
import { cursorValue, pageSize } from '../common/pagination';
import { AuditConnection } from './audit.types';

const isAuditCursor = (value: unknown): value is { seq: number } =>
  typeof value === 'object' && value !== null && Number.isSafeInteger((value as { seq: unknown }).seq);

/** Every change, newest first (ADMIN). */
@Resolver()
export class AuditResolver {
  constructor(
    @Inject(AuditTrail) private readonly audit: AuditTrail,
    @Inject(ReadModelQueries) private readonly queries: ReadModelQueries,
  ) {}

  @Query(() => AuditConnection, {
    description:
      'Every change, newest first: launches, checklists, gate checks, team membership, templates, API tokens and GitHub mappings.',
  })
  async auditLog(
    @Context() ctx: GatewayContext,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
    @Args('launchId', {
      type: () => ID,
      nullable: true,
      description: 'Only changes of this launch (id or key).',
    })
    launchId?: string | null,
    @Args('actor', { type: () => String, nullable: true, description: 'Only changes by this user id.' })
    actor?: string | null,
  ): Promise<AuditConnection> {
    authorize(ctx.principal, 'auditLog');
    const size = pageSize(first);
    const cursor = cursorValue(after, isAuditCursor);
    const launch = launchId ? await this.queries.launch(launchId) : null;
    const events = await this.audit.page({
      beforeSeq: cursor?.seq,
      launchId: launchId ? (launch?.id ?? launchId) : null,
      actor,
      limit: size + 1,
    });
    const edges = events.slice(0, size).map((event) => {
      const entry = toHistoryEntry(event.envelope);
      return {
        cursor: encodeCursor({ seq: event.seq }),
        node: {
          id: entry.id,
          at: entry.at,
          actor: entry.actor?.userId ?? null,
          actorRole: entry.actor?.role ?? null,
          type: entry.type,
          launchId: event.launchId,
          position: String(event.seq),
          summary: entry.summary,
        },
      };
    });
    return {
      edges,
      pageInfo: {
        hasNextPage: events.length > size,
        hasPreviousPage: cursor !== null,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }
}
