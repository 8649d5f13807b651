import { Inject } from '@nestjs/common';
import { Args, Context, ID, Resolver, Subscription } from '@nestjs/graphql';
import { ErrorCodes } from '@tminus/contracts';
import { authorize } from '../../../core/auth/access-control';
import { notFound } from '../../../core/errors/gateway-error';
import { ReadModelQueries } from '../../../core/read-model/queries/read-model-queries';
import type { GatewayContext } from '../common/gateway-context';
import { HistoryEntry } from '../launches/history.types';
import { LaunchFeed } from './launch-feed';
import { ReadinessChange } from './subscription.types';

const asIs = <Value>(payload: Value): Value => payload;

/** Live updates over graphql-ws, fed by this instance's projector. */
@Resolver()
export class SubscriptionsResolver {
  constructor(
    @Inject(LaunchFeed) private readonly feed: LaunchFeed,
    @Inject(ReadModelQueries) private readonly queries: ReadModelQueries,
  ) {}

  @Subscription(() => ReadinessChange, {
    resolve: asIs,
    description:
      "A launch's readiness: the current one first, then again after every event that concerns the launch.",
  })
  async readinessChanged(
    @Args('launchId', { type: () => ID, description: "The launch's id (or key)." }) launchId: string,
    @Context() ctx: GatewayContext,
  ): Promise<AsyncIterableIterator<ReadinessChange>> {
    authorize(ctx.principal, 'readinessChanged');
    return this.feed.readinessChanges(await this.launchIdOf(launchId));
  }

  @Subscription(() => HistoryEntry, {
    resolve: asIs,
    description: "A launch's history entries as they happen.",
  })
  async launchActivity(
    @Args('launchId', { type: () => ID, description: "The launch's id (or key)." }) launchId: string,
    @Context() ctx: GatewayContext,
  ): Promise<AsyncIterableIterator<HistoryEntry>> {
    authorize(ctx.principal, 'launchActivity');
    return this.feed.activity(await this.launchIdOf(launchId));
  }

  private async launchIdOf(ref: string): Promise<string> {
    const launch = await this.queries.launch(ref);
    if (launch === null) throw notFound(ErrorCodes.LAUNCH_NOT_FOUND, `No launch with id or key "${ref}"`);
    return launch.id;
  }
}
