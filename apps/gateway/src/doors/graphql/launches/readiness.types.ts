import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { BlockerCode, ItemState } from '@tminus/contracts';
import { DateTimeScalar } from '../common/date-time.scalar';
import { BlockerCodeEnum, ItemStateEnum } from '../common/enums';

@ObjectType({ description: 'A reason a team, a launch or a gate is not ready.' })
export class Blocker {
  @Field(() => BlockerCodeEnum)
  code!: BlockerCode;

  @Field(() => String, {
    nullable: true,
    description: 'The key of the team concerned (its id while unknown).',
  })
  team!: string | null;

  @Field(() => ID, { nullable: true })
  teamId!: string | null;

  @Field(() => String, { nullable: true, description: 'The title of the item concerned.' })
  item!: string | null;

  @Field(() => ID, { nullable: true })
  itemId!: string | null;

  @Field()
  message!: string;
}

@ObjectType()
export class ReadinessCounts {
  @Field(() => Int, { description: 'Required items.' })
  requiredItems!: number;

  @Field(() => Int, { description: 'Required items done, or waived with a waiver not expired.' })
  doneOrWaived!: number;

  @Field(() => Int, { description: 'Required items neither done, validly waived nor blocked.' })
  open!: number;

  @Field(() => Int, { description: 'Blocked items, required or not.' })
  blocked!: number;

  @Field(() => Int, { description: 'Items past their due date and not done or validly waived.' })
  overdue!: number;
}

@ObjectType()
export class OverdueItem {
  @Field(() => ID)
  teamId!: string;

  @Field(() => String, { nullable: true })
  team!: string | null;

  @Field(() => ID)
  checklistId!: string;

  @Field(() => ID)
  itemId!: string;

  @Field()
  title!: string;

  @Field()
  required!: boolean;

  @Field(() => ItemStateEnum)
  state!: ItemState;

  @Field(() => DateTimeScalar)
  dueDate!: string;
}

@ObjectType()
export class Readiness {
  @Field()
  ready!: boolean;

  @Field(() => Int, { description: 'Percent of required items done or validly waived (0-100).' })
  percent!: number;

  @Field(() => ReadinessCounts)
  counts!: ReadinessCounts;

  @Field(() => [Blocker], { description: 'Exactly the reasons it is not ready: empty if and only if ready.' })
  blockers!: Blocker[];

  @Field(() => [OverdueItem])
  overdue!: OverdueItem[];

  @Field(() => DateTimeScalar, { description: 'The moment it was computed for.' })
  computedAt!: string;
}

@ObjectType()
export class TeamReadiness {
  @Field()
  ready!: boolean;

  @Field()
  signedOff!: boolean;

  @Field(() => Int)
  percent!: number;

  @Field(() => ReadinessCounts)
  counts!: ReadinessCounts;

  @Field(() => [Blocker])
  blockers!: Blocker[];
}
