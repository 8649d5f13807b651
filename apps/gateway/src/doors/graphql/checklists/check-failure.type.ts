import { Field, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../common/date-time.scalar';

@ObjectType({ description: 'A failed CI check that reopened the item (until it is ticked again).' })
export class CheckFailure {
  @Field()
  check!: string;

  @Field(() => String, { nullable: true, description: 'The CI run that failed.' })
  url!: string | null;

  @Field({ description: 'The name of the PIPELINE token that reported it.' })
  by!: string;

  @Field(() => DateTimeScalar)
  at!: string;
}
