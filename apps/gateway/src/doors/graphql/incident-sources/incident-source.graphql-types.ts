import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import type { IncidentSource } from '@tminus/contracts';
import { DateTimeScalar } from '../../graphql/common/date-time.scalar';
import { IncidentSourceEnum } from '../../graphql/common/enums';

@ObjectType({ description: "Which launch's hypercare the incidents of an on-call tool's service feed." })
export class IncidentSourceMapping {
  @Field(() => ID)
  id!: string;

  @Field(() => IncidentSourceEnum)
  source!: IncidentSource;

  @Field({
    description:
      'PagerDuty service id, Alertmanager label matcher such as service="checkout", or the generic service.',
  })
  match!: string;

  @Field(() => ID)
  launchId!: string;

  @Field(() => String, {
    nullable: true,
    description: "The launch's key (null if the read model does not know it).",
  })
  launchKey!: string | null;

  @Field(() => DateTimeScalar)
  createdAt!: string;

  @Field()
  createdBy!: string;
}

@InputType()
export class MapIncidentSourceInput {
  @Field(() => IncidentSourceEnum)
  source!: IncidentSource;

  @Field()
  match!: string;

  @Field(() => ID, { description: "The launch's id or key." })
  launchId!: string;
}

@InputType()
export class UnmapIncidentSourceInput {
  @Field(() => ID)
  id!: string;
}
