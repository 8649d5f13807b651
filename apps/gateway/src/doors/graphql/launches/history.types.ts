import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../common/date-time.scalar';
import { PageInfo } from '../common/page-info.type';

@ObjectType()
export class ActorInfo {
  @Field()
  userId!: string;

  @Field({ description: 'ADMIN, LAUNCH_MANAGER, TEAM_MEMBER, PIPELINE or SYSTEM.' })
  role!: string;
}

@ObjectType({ description: 'One event in the life of a launch (its own or one of its checklists).' })
export class HistoryEntry {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  launchId!: string;

  @Field({ description: 'The event type, e.g. ChecklistItemTicked.' })
  type!: string;

  @Field(() => DateTimeScalar)
  at!: string;

  @Field(() => ActorInfo, { nullable: true })
  actor!: ActorInfo | null;

  @Field(() => ID, { description: 'The stream (launch or checklist) the event belongs to.' })
  streamId!: string;

  @Field()
  summary!: string;
}

@ObjectType()
export class HistoryEdge {
  @Field()
  cursor!: string;

  @Field(() => HistoryEntry)
  node!: HistoryEntry;
}

@ObjectType()
export class HistoryConnection {
  @Field(() => [HistoryEdge])
  edges!: HistoryEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
