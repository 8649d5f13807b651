import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { DateTimeScalar } from '../common/date-time.scalar';

@InputType()
export class AddChecklistItemInput {
  @Field(() => ID)
  checklistId!: string;

  @Field()
  title!: string;

  @Field()
  required!: boolean;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'An absolute due date: it stays put when the launch is rescheduled.',
  })
  dueDate?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Or due this many days before the target date: it moves with the launch. Not both.',
  })
  dueDaysBeforeLaunch?: number | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The CI check whose results (POST /v1/checks) tick and reopen the item, e.g. "e2e-tests".',
  })
  check?: string | null;
}

@InputType()
export class TickItemInput {
  @Field(() => ID)
  itemId!: string;

  @Field(() => String, { nullable: true, description: 'An http(s) link to the evidence.' })
  evidenceUrl?: string | null;
}

@InputType()
export class ItemRefInput {
  @Field(() => ID)
  itemId!: string;
}

@InputType()
export class WaiveItemInput {
  @Field(() => ID)
  itemId!: string;

  @Field()
  reason!: string;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'The waiver lapses then; none: it holds until revoked.',
  })
  expiresAt?: string | null;
}

@InputType()
export class AssignItemInput {
  @Field(() => ID)
  itemId!: string;

  @Field(() => String, { nullable: true, description: 'The user who owns the item; null clears it.' })
  owner?: string | null;
}

@InputType()
export class RejectWaiverInput {
  @Field(() => ID)
  itemId!: string;

  @Field()
  reason!: string;
}

@InputType()
export class BlockItemInput {
  @Field(() => ID)
  itemId!: string;

  @Field()
  reason!: string;
}

@InputType()
export class SignOffChecklistInput {
  @Field(() => ID)
  checklistId!: string;
}
