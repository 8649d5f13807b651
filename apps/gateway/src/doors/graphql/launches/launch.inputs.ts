import { Field, ID, InputType, Int } from '@nestjs/graphql';
import type { GoDecision } from '@tminus/contracts';
import { DateTimeScalar } from '../common/date-time.scalar';
import { GoDecisionEnum } from '../common/enums';

// Launch references (`launchId`) accept the launch's id or its key.

@InputType()
export class CreateLaunchInput {
  @Field({ description: 'A slug, unique among launches, e.g. "checkout-v2".' })
  key!: string;

  @Field()
  name!: string;

  @Field(() => DateTimeScalar)
  targetDate!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true, description: "The owner's user id (default: the caller's)." })
  owner?: string | null;
}

@InputType()
export class RescheduleLaunchInput {
  @Field(() => ID)
  launchId!: string;

  @Field(() => DateTimeScalar)
  targetDate!: string;
}

@InputType()
export class EditLaunchInput {
  @Field(() => ID)
  launchId!: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true })
  owner?: string | null;
}

@InputType()
export class LaunchTeamInput {
  @Field(() => ID)
  launchId!: string;

  @Field(() => ID, { description: "The team's id or key." })
  teamId!: string;

  // On the shared input (not a RequireTeamInput) so clients that name the variable type keep working.
  @Field(() => Int, {
    nullable: true,
    description:
      "requireTeam: how many distinct LEADs must sign the team's checklist off (default 1). releaseTeam ignores it.",
  })
  signOffsRequired?: number | null;
}

@InputType()
export class RecordGoNoGoInput {
  @Field(() => ID)
  launchId!: string;

  @Field(() => GoDecisionEnum)
  decision!: GoDecision;

  @Field(() => String, { nullable: true })
  notes?: string | null;
}

@InputType()
export class MarkLaunchedInput {
  @Field(() => ID)
  launchId!: string;

  @Field(() => Int, { nullable: true, description: 'Hypercare length in days (default 14).' })
  hypercareDays?: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Hypercare exit criteria: hours without a SEV1/SEV2 reported or open before the launch may close (0-720).',
  })
  quietPeriodHours?: number | null;
}

@InputType()
export class ExtendHypercareInput {
  @Field(() => ID)
  launchId!: string;

  @Field(() => Int)
  days!: number;

  @Field(() => Int, {
    nullable: true,
    description:
      'Hypercare exit criteria: hours without a SEV1/SEV2 reported or open before the launch may close (0-720); omitted keeps the current one.',
  })
  quietPeriodHours?: number | null;
}

@InputType()
export class LaunchRefInput {
  @Field(() => ID)
  launchId!: string;
}

@InputType()
export class CancelLaunchInput {
  @Field(() => ID)
  launchId!: string;

  @Field(() => String, { nullable: true })
  reason?: string | null;
}
