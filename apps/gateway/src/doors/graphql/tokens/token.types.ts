import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { Role } from '@tminus/contracts';
import { DateTimeScalar } from '../common/date-time.scalar';
import { RoleEnum } from '../common/enums';

@ObjectType({ description: 'An API token (never the token itself: it is shown once, at creation).' })
export class ApiToken {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => RoleEnum)
  role!: Role;

  @Field()
  userId!: string;

  @Field(() => [ID], { nullable: true, description: 'A TEAM_MEMBER token limited to these teams.' })
  teamIds!: string[] | null;

  @Field(() => DateTimeScalar)
  createdAt!: string;

  @Field()
  createdBy!: string;

  @Field(() => DateTimeScalar, { nullable: true })
  revokedAt!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it stops working; null: never.' })
  expiresAt!: string | null;
}

@ObjectType()
export class CreatedApiToken {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'The bearer token. Shown this once: only its SHA-256 is stored.' })
  token!: string;

  @Field(() => ApiToken)
  apiToken!: ApiToken;
}

@ObjectType({ description: 'The token a request is made with.' })
export class Viewer {
  @Field(() => ID)
  tokenId!: string;

  @Field()
  tokenName!: string;

  @Field(() => RoleEnum)
  role!: Role;

  @Field()
  userId!: string;

  @Field(() => [ID], { nullable: true })
  teamIds!: string[] | null;
}
