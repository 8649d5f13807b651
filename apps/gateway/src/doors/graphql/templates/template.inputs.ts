import { Field, InputType, Int } from '@nestjs/graphql';
import type { TeamFunction } from '@tminus/contracts';
import { TeamFunctionEnum } from '../common/enums';

@InputType()
export class TemplateItemInput {
  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field()
  required!: boolean;

  @Field(() => Int, { nullable: true, description: 'Due this many days before the launch target date.' })
  dueDaysBeforeLaunch?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Who owns the item on every checklist opened from it.',
  })
  owner?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The CI check whose results tick and reopen the item on every checklist opened from it.',
  })
  check?: string | null;
}

@InputType()
export class CreateChecklistTemplateInput {
  @Field(() => TeamFunctionEnum, {
    description: 'One template per function: creating it again makes a new version.',
  })
  function!: TeamFunction;

  @Field()
  name!: string;

  @Field(() => [TemplateItemInput])
  items!: TemplateItemInput[];
}
