import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class MapGithubEnvironmentInput {
  @Field({ description: '"owner/name" of the repository.' })
  repository!: string;

  @Field({ description: 'The GitHub environment whose protection rule asks tminus (e.g. "production").' })
  environment!: string;

  @Field(() => ID, { description: "The launch's id or key." })
  launchId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The tminus environment to evaluate (default: the GitHub environment name, lower-case).',
  })
  gateEnvironment?: string | null;
}

@InputType()
export class UnmapGithubEnvironmentInput {
  @Field()
  repository!: string;

  @Field()
  environment!: string;
}
