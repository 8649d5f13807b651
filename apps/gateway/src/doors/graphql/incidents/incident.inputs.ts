import { Field, ID, InputType } from '@nestjs/graphql';
import type { Severity } from '@tminus/contracts';
import { SeverityEnum } from '../common/enums';

@InputType()
export class ReportIncidentInput {
  @Field(() => ID, { description: "The launch's id or key." })
  launchId!: string;

  @Field(() => SeverityEnum)
  severity!: Severity;

  @Field()
  title!: string;
}

@InputType()
export class ResolveIncidentInput {
  @Field(() => ID)
  incidentId!: string;

  @Field(() => String, { nullable: true })
  resolution?: string | null;
}
