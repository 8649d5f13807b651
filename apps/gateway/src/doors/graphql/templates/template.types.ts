import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { TeamFunction } from '@tminus/contracts';
import { DateTimeScalar } from '../common/date-time.scalar';
import { TeamFunctionEnum } from '../common/enums';

@ObjectType()
export class TemplateItem {
  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field()
  required!: boolean;

  @Field(() => Int, { nullable: true, description: 'Due this many days before the launch target date.' })
  dueDaysBeforeLaunch!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Who owns the item on every checklist opened from it.',
  })
  owner!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The CI check whose results tick and reopen the item.',
  })
  check!: string | null;
}

@ObjectType({ description: 'The checklist every team of a function starts from.' })
export class ChecklistTemplate {
  @Field(() => ID)
  id!: string;

  @Field(() => TeamFunctionEnum)
  function!: TeamFunction;

  @Field()
  name!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => [TemplateItem])
  items!: TemplateItem[];

  @Field(() => DateTimeScalar)
  createdAt!: string;

  @Field(() => DateTimeScalar)
  updatedAt!: string;
}
