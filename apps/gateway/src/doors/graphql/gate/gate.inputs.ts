import { Field, ID, InputType, Int } from '@nestjs/graphql';

@InputType()
export class SetGatePolicyInput {
  @Field(() => ID, { description: "The launch's id or key." })
  launchId!: string;

  @Field({ description: 'e.g. "production", "staging".' })
  environment!: string;

  @Field({ description: 'Every required team must be ready.' })
  requireReady!: boolean;

  @Field(() => Int, {
    defaultValue: 0,
    description: 'Minimum percent of required items done or waived (0-100).',
  })
  minReadinessPercent!: number;

  @Field({ description: 'A GO decision must have been recorded.' })
  requireGoDecision!: boolean;
}
