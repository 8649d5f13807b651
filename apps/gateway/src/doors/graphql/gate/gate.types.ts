import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { GateDecisionKind } from '@tminus/contracts';
import { DateTimeScalar } from '../common/date-time.scalar';
import { GateDecisionKindEnum } from '../common/enums';
import { GatePolicy } from '../launches/launch.types';
import { Blocker, Readiness } from '../launches/readiness.types';

@ObjectType({ description: 'Whether a launch may be deployed to an environment, and why not.' })
export class GateDecision {
  @Field(() => ID)
  launchId!: string;

  @Field()
  launchKey!: string;

  @Field()
  environment!: string;

  @Field(() => GateDecisionKindEnum)
  decision!: GateDecisionKind;

  @Field(() => [Blocker], { description: 'Empty if and only if ALLOWED.' })
  reasons!: Blocker[];

  @Field(() => DateTimeScalar)
  evaluatedAt!: string;

  @Field(() => Readiness)
  readiness!: Readiness;

  @Field({ description: 'The read-model position (event sequence) the decision was computed from.' })
  position!: string;

  @Field(() => GatePolicy)
  policy!: GatePolicy;
}
