import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { LaunchStatus } from '@tminus/contracts';
import { LaunchStatusEnum } from '../common/enums';
import { Readiness } from '../launches/readiness.types';

@ObjectType({ description: "A launch's readiness after an event that concerns it." })
export class ReadinessChange {
  @Field(() => ID)
  launchId!: string;

  @Field()
  launchKey!: string;

  @Field(() => LaunchStatusEnum)
  status!: LaunchStatus;

  @Field(() => Readiness)
  readiness!: Readiness;

  @Field({ description: 'The read-model position (event sequence) it was computed at.' })
  position!: string;
}
