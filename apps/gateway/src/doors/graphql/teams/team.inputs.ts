import { Field, ID, InputType } from '@nestjs/graphql';
import type { TeamFunction, TeamRole } from '@tminus/contracts';
import { TeamFunctionEnum, TeamRoleEnum } from '../common/enums';

@InputType()
export class CreateTeamInput {
  @Field({ description: 'A slug, unique among teams, e.g. "payments-qa".' })
  key!: string;

  @Field()
  name!: string;

  @Field(() => TeamFunctionEnum)
  function!: TeamFunction;
}

@InputType()
export class AddTeamMemberInput {
  @Field(() => ID, { description: "The team's id or key." })
  teamId!: string;

  @Field()
  userId!: string;

  @Field(() => TeamRoleEnum, { description: 'Adding an existing member with another role changes the role.' })
  role!: TeamRole;
}

@InputType()
export class RemoveTeamMemberInput {
  @Field(() => ID, { description: "The team's id or key." })
  teamId!: string;

  @Field()
  userId!: string;
}
