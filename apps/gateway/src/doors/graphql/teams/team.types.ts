import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { TeamFunction, TeamRole } from '@tminus/contracts';
import { DateTimeScalar } from '../common/date-time.scalar';
import { TeamFunctionEnum, TeamRoleEnum } from '../common/enums';

@ObjectType()
export class TeamMember {
  @Field()
  userId!: string;

  @Field(() => TeamRoleEnum)
  role!: TeamRole;
}

@ObjectType()
export class Team {
  @Field(() => ID)
  id!: string;

  @Field()
  key!: string;

  @Field()
  name!: string;

  @Field(() => TeamFunctionEnum)
  function!: TeamFunction;

  @Field(() => [TeamMember])
  members!: TeamMember[];

  @Field(() => DateTimeScalar)
  createdAt!: string;

  @Field(() => DateTimeScalar)
  updatedAt!: string;
}
