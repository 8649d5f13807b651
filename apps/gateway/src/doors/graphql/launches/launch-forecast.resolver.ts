import { Inject } from '@nestjs/common';
import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { burnupOf, forecastOf, type BurnupBucket } from '../../../core/read-model/domain';
import { ReadModelQueries } from '../../../core/read-model/queries/read-model-queries';
import { Clock } from '../../../core/clock';
import { BurnupBucketEnum, BurnupPoint, Forecast } from './forecast.types';
import { Launch } from './launch.types';

/** Readiness over time: the burn-up and the slip forecast, replayed from the launch's events. */
@Resolver(() => Launch)
export class LaunchForecastResolver {
  constructor(
    @Inject(ReadModelQueries) private readonly queries: ReadModelQueries,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  @ResolveField(() => [BurnupPoint], {
    description: 'Required items done or waived at the end of each bucket, from creation until now.',
  })
  async burnup(
    @Parent() launch: Launch,
    @Args('bucket', { type: () => BurnupBucketEnum, nullable: true, defaultValue: 'DAY' })
    bucket: BurnupBucket | null,
  ): Promise<BurnupPoint[]> {
    const events = await this.queries.launchEvents(launch.id);
    return burnupOf(launch, events, this.momentOf(launch), bucket ?? 'DAY');
  }

  @ResolveField(() => Forecast)
  async forecast(@Parent() launch: Launch): Promise<Forecast> {
    const events = await this.queries.launchEvents(launch.id);
    const forecast = forecastOf(launch.id, events, this.momentOf(launch));
    // The launch exists (it is the parent), so a null can only mean its events are not stored yet.
    return (
      forecast ?? {
        expectedReadyAt: null,
        onTrack: false,
        slipDays: null,
        ratePerDay: 0,
        basis: 'No events yet.',
      }
    );
  }

  /** A launch seen "as of" a moment is forecast from that moment. */
  private momentOf(launch: Launch): Date {
    return launch.asOf === null ? this.clock.now() : new Date(launch.asOf);
  }
}
