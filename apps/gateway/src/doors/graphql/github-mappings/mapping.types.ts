import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../common/date-time.scalar';

@ObjectType({
  description: "Which launch's release gate answers a GitHub environment's deployment protection rule.",
})
export class GithubEnvironmentMapping {
  @Field({ description: '"owner/name", lower-case.' })
  repository!: string;

  @Field({ description: 'The GitHub environment, as named when mapped.' })
  environment!: string;

  @Field(() => ID)
  launchId!: string;

  @Field(() => String, {
    nullable: true,
    description: "The launch's key (null if the read model does not know it).",
  })
  launchKey!: string | null;

  @Field({ description: 'The tminus environment whose gate is asked.' })
  gateEnvironment!: string;

  @Field(() => DateTimeScalar)
  createdAt!: string;

  @Field()
  createdBy!: string;
}
