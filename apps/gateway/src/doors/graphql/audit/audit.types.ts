import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../common/date-time.scalar';
import { PageInfo } from '../common/page-info.type';

@ObjectType({
  description: 'One change, of any kind: launches, checklists, teams, templates, tokens, mappings.',
})
export class AuditEntry {
  @Field(() => ID)
  id!: string;

  @Field(() => DateTimeScalar)
  at!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The user id of who made the change (system for automation).',
  })
  actor!: string | null;

  @Field(() => String, { nullable: true, description: "The actor's role, SYSTEM for automation." })
  actorRole!: string | null;

  @Field({ description: "The event's type name, e.g. TeamMemberAdded, ApiTokenCreated." })
  type!: string;

  @Field(() => ID, { nullable: true, description: 'The launch it concerns, if any.' })
  launchId!: string | null;

  @Field({ description: 'Its position in the read model (what launchAsOf(position:) takes).' })
  position!: string;

  @Field()
  summary!: string;
}

@ObjectType()
export class AuditEdge {
  @Field()
  cursor!: string;

  @Field(() => AuditEntry)
  node!: AuditEntry;
}

@ObjectType()
export class AuditConnection {
  @Field(() => [AuditEdge])
  edges!: AuditEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
