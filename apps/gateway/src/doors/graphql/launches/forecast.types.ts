import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { BurnupBucket as BurnupBucketKind } from '../../../core/read-model/domain';
import { DateTimeScalar } from '../common/date-time.scalar';

export const BurnupBucketEnum: { [Key in BurnupBucketKind]: Key } = { HOUR: 'HOUR', DAY: 'DAY' };
registerEnumType(BurnupBucketEnum, { name: 'BurnupBucket', description: 'The width of a burn-up bucket.' });

@ObjectType({ description: 'Required items of a launch at the end of a bucket (the last one: now).' })
export class BurnupPoint {
  @Field(() => DateTimeScalar)
  at!: string;

  @Field(() => Int, { description: 'Required items of the required teams at that moment.' })
  required!: number;

  @Field(() => Int, { description: 'Of those, done.' })
  done!: number;

  @Field(() => Int, { description: 'Of those, waived (waiver not expired then).' })
  waived!: number;
}

@ObjectType({ description: 'When the launch will be ready at the recent rate (the last 7 days).' })
export class Forecast {
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Null while there is no progress to extrapolate.',
  })
  expectedReadyAt!: string | null;

  @Field({ description: 'expectedReadyAt is at or before the target date, or the launch is ready.' })
  onTrack!: boolean;

  @Field(() => Int, {
    nullable: true,
    description: 'Days after the target date it lands (0 when on track); null without a forecast.',
  })
  slipDays!: number | null;

  @Field(() => Float, { description: 'Required items done or waived per day, recently.' })
  ratePerDay!: number;

  @Field({ description: 'What the forecast was computed from, in words.' })
  basis!: string;
}
