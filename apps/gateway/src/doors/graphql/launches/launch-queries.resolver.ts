import { Inject } from '@nestjs/common';
import { Args, Context, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { LaunchStatus } from '@tminus/contracts';
import { authorize } from '../../../core/auth/access-control';
import { badUserInput } from '../../../core/errors/gateway-error';
import { encodeCursor } from '../../../core/read-model/queries/cursor';
import { ReadModelQueries } from '../../../core/read-model/queries/read-model-queries';
import { Clock } from '../../../core/clock';
import { DateTimeScalar } from '../common/date-time.scalar';
import { LaunchStatusEnum } from '../common/enums';
import type { GatewayContext } from '../common/gateway-context';
import { cursorValue, pageSize } from '../common/pagination';
import { toHistoryConnection } from './history.mapper';
import { HistoryConnection } from './history.types';
import { toLaunch } from './launch.mapper';
import { GateEvaluationRecord, Launch, LaunchConnection } from './launch.types';
import { mergeLastEvaluations } from '../../../core/read-model/store/gate-last-evaluations';

interface LaunchCursor {
  readonly c: string;
  readonly i: string;
}

const isLaunchCursor = (value: unknown): value is LaunchCursor =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as LaunchCursor).c === 'string' &&
  typeof (value as LaunchCursor).i === 'string';

const isHistoryCursor = (value: unknown): value is { seq: number } =>
  typeof value === 'object' && value !== null && Number.isSafeInteger((value as { seq: unknown }).seq);

/** The moment `launchAsOf` replays to: a time, a read-model position, or both. */
const asOfCut = (at?: string | null, position?: string | null): Date | { at?: Date; upToSeq: number } => {
  if (position == null) {
    if (at == null) throw badUserInput([{ field: 'at', message: 'give a time (at) or a position' }]);
    return new Date(at);
  }
  if (!/^\d{1,15}$/.test(position))
    throw badUserInput([{ field: 'position', message: 'is not a position this API reported' }]);
  return { at: at == null ? undefined : new Date(at), upToSeq: Number(position) };
};

/** Reading launches: one, a page, one as it was at some moment, and a launch's history. */
@Resolver(() => Launch)
export class LaunchQueriesResolver {
  constructor(
    @Inject(ReadModelQueries) private readonly queries: ReadModelQueries,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  @Query(() => Launch, { nullable: true, description: 'A launch by id or by key (give one).' })
  async launch(
    @Context() ctx: GatewayContext,
    @Args('id', { type: () => ID, nullable: true }) id?: string | null,
    @Args('key', { type: () => String, nullable: true }) key?: string | null,
  ): Promise<Launch | null> {
    authorize(ctx.principal, 'read');
    const ref = id ?? key;
    if (!ref) throw badUserInput([{ field: 'id', message: 'give the id or the key of the launch' }]);
    const snapshot = await this.queries.launchSnapshot(ref);
    if (snapshot === null || (id && key && snapshot.launch.key !== key)) return null;
    return toLaunch(snapshot, this.clock.now());
  }

  @Query(() => LaunchConnection, { description: 'Launches in creation order, oldest first.' })
  async launches(
    @Context() ctx: GatewayContext,
    @Args('status', { type: () => LaunchStatusEnum, nullable: true }) status?: LaunchStatus | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): Promise<LaunchConnection> {
    authorize(ctx.principal, 'read');
    const size = pageSize(first);
    const cursor = cursorValue(after, isLaunchCursor);
    const page = await this.queries.launchPage({
      status,
      first: size,
      after: cursor && { createdAt: cursor.c, id: cursor.i },
    });
    const now = this.clock.now();
    const edges = page.snapshots.map((snapshot) => ({
      cursor: encodeCursor({ c: snapshot.launch.createdAt, i: snapshot.launch.id }),
      node: toLaunch(snapshot, now),
    }));
    return {
      edges,
      totalCount: page.totalCount,
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: false,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }

  @Query(() => Launch, {
    nullable: true,
    description:
      'The launch as it was at `at`, or at `position` (as a gate decision reported it), replayed from its events; null if it did not exist yet. Give one of them, or both to replay a gate decision exactly (its position and evaluatedAt).',
  })
  async launchAsOf(
    @Context() ctx: GatewayContext,
    @Args('id', { type: () => ID, description: "The launch's id (or key)." }) id: string,
    @Args('at', { type: () => DateTimeScalar, nullable: true }) at?: string | null,
    @Args('position', { type: () => String, nullable: true }) position?: string | null,
  ): Promise<Launch | null> {
    authorize(ctx.principal, 'read');
    const snapshot = await this.queries.launchAsOf(id, asOfCut(at, position));
    return snapshot && toLaunch(snapshot, this.clock.now());
  }

  /**
   * REST gate audits live in the gateway's audit log, not in the launch document: merged in here. A
   * launch "as of" a moment keeps what its replay found (evaluations recorded on the launch stream):
   * only the last audit per environment is kept beside the log, not the one current at that moment.
   */
  @ResolveField(() => [GateEvaluationRecord])
  async lastGateEvaluations(@Parent() launch: Launch): Promise<GateEvaluationRecord[]> {
    if (launch.asOf) return launch.lastGateEvaluations;
    const audited = await this.queries.lastGateAudits(launch.id);
    return mergeLastEvaluations(launch.lastGateEvaluations, audited).map((evaluation) => ({
      ...evaluation,
      reasons: [...evaluation.reasons],
    }));
  }

  @ResolveField(() => HistoryConnection, {
    description: "The launch's events (its own and its checklists'), newest first.",
  })
  async history(
    @Parent() launch: Launch,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): Promise<HistoryConnection> {
    const size = pageSize(first);
    const cursor = cursorValue(after, isHistoryCursor);
    const page = await this.queries.history(launch.id, {
      first: size,
      beforeSeq: cursor?.seq,
      occurredUpTo: launch.asOf ?? undefined,
    });
    return toHistoryConnection(page.events, page.hasNextPage, launch.id, launch.historyLabels());
  }
}
