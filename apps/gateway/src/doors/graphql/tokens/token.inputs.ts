import { Field, ID, InputType } from '@nestjs/graphql';
import type { Role } from '@tminus/contracts';
import { DateTimeScalar } from '../common/date-time.scalar';
import { RoleEnum } from '../common/enums';

@InputType()
export class CreateApiTokenInput {
  @Field({ description: 'What the token is for, e.g. "deploy pipeline of checkout".' })
  name!: string;

  @Field(() => RoleEnum)
  role!: Role;

  @Field(() => String, {
    nullable: true,
    description: 'The user it acts for. Required for TEAM_MEMBER (team membership is looked up by it).',
  })
  userId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'TEAM_MEMBER only: limit the token to these teams.' })
  teamIds?: string[] | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the token stops working (must be in the future). Default: it works until revoked.',
  })
  expiresAt?: string | null;
}

@InputType()
export class RevokeApiTokenInput {
  @Field(() => ID)
  id!: string;
}
