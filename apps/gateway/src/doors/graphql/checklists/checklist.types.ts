import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { ItemState } from '@tminus/contracts';
import { CheckFailure } from './check-failure.type';
import { DateTimeScalar } from '../common/date-time.scalar';
import type { WaiverStatus } from '../../../core/read-model/domain';
import {
  ChecklistClosedReasonEnum,
  ChecklistStatusEnum,
  DueDateKindEnum,
  ItemStateEnum,
  WaiverStatusEnum,
} from '../common/enums';
import { PageInfo } from '../common/page-info.type';
import { Team } from '../teams/team.types';

@ObjectType({ description: "The item's latest waiver: requested, approved, or how it ended." })
export class Waiver {
  @Field(() => WaiverStatusEnum)
  status!: WaiverStatus;

  @Field()
  reason!: string;

  @Field()
  requestedBy!: string;

  @Field(() => String, { nullable: true, description: 'Who approved it (never the requester).' })
  approvedBy!: string | null;

  @Field(() => String, { nullable: true, description: 'Why a REJECTED request was turned down.' })
  rejectionReason!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  expiresAt!: string | null;

  @Field({ description: 'True once expiresAt has passed: the item counts as open again.' })
  expired!: boolean;
}

@ObjectType()
export class ChecklistItem {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  checklistId!: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field()
  required!: boolean;

  @Field(() => ItemStateEnum)
  state!: ItemState;

  @Field(() => DateTimeScalar, { nullable: true })
  dueDate!: string | null;

  @Field(() => Int, { nullable: true })
  dueDaysBeforeLaunch!: number | null;

  @Field(() => DueDateKindEnum, { description: 'Whether the due date moves when the launch is rescheduled.' })
  dueDateKind!: 'RELATIVE' | 'ABSOLUTE' | 'NONE';

  @Field({ description: 'Past its due date and neither done nor validly waived.' })
  overdue!: boolean;

  @Field(() => String, { nullable: true })
  owner!: string | null;

  @Field(() => String, { nullable: true })
  doneBy!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  doneAt!: string | null;

  @Field(() => String, { nullable: true })
  evidenceUrl!: string | null;

  @Field(() => Waiver, { nullable: true })
  waiver!: Waiver | null;

  @Field(() => String, { nullable: true })
  blockedReason!: string | null;

  @Field(() => String, { nullable: true })
  blockedBy!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The CI check whose results tick and reopen the item.',
  })
  check!: string | null;

  @Field(() => CheckFailure, {
    nullable: true,
    description: 'Set while the item is OPEN because its check failed.',
  })
  checkFailure!: CheckFailure | null;
}

@ObjectType({ description: 'A LEAD (or ADMIN) who signed the checklist off.' })
export class SignOff {
  @Field()
  userId!: string;

  @Field(() => DateTimeScalar)
  at!: string;
}

@ObjectType()
export class ChecklistItemEdge {
  @Field()
  cursor!: string;

  @Field(() => ChecklistItem)
  node!: ChecklistItem;
}

@ObjectType()
export class ChecklistItemConnection {
  @Field(() => [ChecklistItemEdge])
  edges!: ChecklistItemEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

@ObjectType({ description: "One team's checklist for one launch." })
export class Checklist {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  launchId!: string;

  @Field(() => ID)
  teamId!: string;

  @Field(() => Team, { nullable: true, description: 'Null until the team is known to the read model.' })
  team!: Team | null;

  @Field(() => ChecklistStatusEnum)
  status!: 'OPEN' | 'CLOSED';

  @Field(() => ChecklistClosedReasonEnum, { nullable: true })
  closedReason!: 'TEAM_RELEASED' | 'LAUNCH_CANCELLED' | null;

  @Field({
    description:
      'Signed off by signOffsRequired distinct LEADs, and no waiver the sign-off relied on has expired.',
  })
  signedOff!: boolean;

  @Field(() => Int, { description: 'How many distinct LEADs must sign off (set by requireTeam).' })
  signOffsRequired!: number;

  @Field(() => [SignOff], { description: 'Who signed off since the last withdrawal, in order.' })
  signOffs!: SignOff[];

  @Field(() => String, { nullable: true, description: 'The latest signer (see signOffs for all).' })
  signedOffBy!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  signedOffAt!: string | null;

  @Field(() => DateTimeScalar)
  targetDate!: string;

  @Field(() => [ChecklistItem])
  items!: ChecklistItem[];
}
