import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type {
  GateDecisionKind,
  GoDecision,
  IncidentSource,
  LaunchStatus,
  Severity,
  SupportStatus,
} from '@tminus/contracts';
import type { HistoryLabels } from '../../../core/read-model/domain';
import { Checklist } from '../checklists/checklist.types';
import { DateTimeScalar } from '../common/date-time.scalar';
import {
  GateDecisionKindEnum,
  GoDecisionEnum,
  IncidentSourceEnum,
  IncidentStatusEnum,
  LaunchStatusEnum,
  SeverityEnum,
  SupportStatusEnum,
} from '../common/enums';
import { PageInfo } from '../common/page-info.type';
import { Team } from '../teams/team.types';
import { Readiness, TeamReadiness } from './readiness.types';

@ObjectType()
export class LaunchTeam {
  @Field(() => ID)
  teamId!: string;

  @Field(() => Team, { nullable: true, description: 'Null until the team is known to the read model.' })
  team!: Team | null;

  @Field(() => Checklist, { nullable: true, description: 'Null until the checklists service has opened it.' })
  checklist!: Checklist | null;

  @Field()
  ready!: boolean;

  @Field(() => TeamReadiness)
  readiness!: TeamReadiness;
}

@ObjectType()
export class GoNoGoDecision {
  @Field(() => GoDecisionEnum)
  decision!: GoDecision;

  @Field(() => String, { nullable: true })
  notes!: string | null;

  @Field()
  by!: string;

  @Field(() => DateTimeScalar)
  at!: string;
}

@ObjectType()
export class Incident {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  launchId!: string;

  @Field(() => SeverityEnum)
  severity!: Severity;

  @Field(() => IncidentStatusEnum)
  status!: 'OPEN' | 'RESOLVED';

  @Field()
  title!: string;

  @Field(() => DateTimeScalar)
  reportedAt!: string;

  @Field()
  reportedBy!: string;

  @Field(() => DateTimeScalar, { nullable: true })
  resolvedAt!: string | null;

  @Field(() => String, { nullable: true })
  resolvedBy!: string | null;

  @Field(() => String, { nullable: true })
  resolution!: string | null;

  @Field(() => IncidentSourceEnum, { nullable: true, description: 'Null: reported by hand.' })
  source!: IncidentSource | null;

  @Field(() => String, { nullable: true, description: "The incident's id in its on-call tool." })
  externalId!: string | null;

  @Field(() => String, { nullable: true, description: 'A link to the incident in its on-call tool.' })
  url!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  acknowledgedAt!: string | null;
}

@ObjectType({ description: 'Hypercare reached its end but the launch could not close by itself.' })
export class HypercareOverrun {
  @Field({ description: 'The refusal a close gets: LAUNCH.OPEN_CRITICAL_INCIDENTS or LAUNCH.NOT_QUIET.' })
  code!: string;

  @Field()
  reason!: string;

  @Field(() => DateTimeScalar)
  at!: string;
}

@ObjectType({
  description: 'Post-launch support: RED while a SEV1/SEV2 is open, AMBER while a SEV3/SEV4 is.',
})
export class Support {
  @Field(() => SupportStatusEnum)
  status!: SupportStatus;

  @Field(() => DateTimeScalar, { nullable: true })
  wentLiveAt!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  hypercareEndsAt!: string | null;

  @Field(() => Int, { nullable: true, description: 'Hypercare days granted so far.' })
  hypercareDays!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Hypercare exit criteria: hours without a SEV1/SEV2 reported or open that closing needs.',
  })
  quietPeriodHours!: number | null;

  @Field(() => HypercareOverrun, {
    nullable: true,
    description: 'Set while the launch stays in HYPERCARE after its end, with the reason.',
  })
  hypercareOverrun!: HypercareOverrun | null;

  @Field(() => [Incident])
  incidents!: Incident[];
}

@ObjectType()
export class GatePolicy {
  @Field()
  environment!: string;

  @Field()
  requireReady!: boolean;

  @Field(() => Int)
  minReadinessPercent!: number;

  @Field()
  requireGoDecision!: boolean;

  @Field({ description: 'True when the launch set none for this environment and the default applies.' })
  isDefault!: boolean;
}

@ObjectType({ description: 'The last gate evaluation a pipeline made for an environment (audited).' })
export class GateEvaluationRecord {
  @Field()
  environment!: string;

  @Field(() => GateDecisionKindEnum)
  decision!: GateDecisionKind;

  @Field(() => [String])
  reasons!: string[];

  @Field()
  position!: string;

  @Field(() => DateTimeScalar)
  evaluatedAt!: string;

  @Field()
  evaluatedBy!: string;
}

@ObjectType()
export class Cancellation {
  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => DateTimeScalar)
  at!: string;
}

@ObjectType()
export class Launch {
  @Field(() => ID)
  id!: string;

  @Field()
  key!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => String, { nullable: true, description: 'The user id of the launch owner.' })
  owner!: string | null;

  @Field(() => DateTimeScalar)
  targetDate!: string;

  @Field(() => LaunchStatusEnum)
  status!: LaunchStatus;

  @Field(() => [LaunchTeam], { description: 'The required teams, in the order they became required.' })
  teams!: LaunchTeam[];

  @Field(() => Readiness)
  readiness!: Readiness;

  @Field(() => GoNoGoDecision, { nullable: true, description: 'The latest go/no-go decision.' })
  decision!: GoNoGoDecision | null;

  @Field(() => Support)
  support!: Support;

  @Field(() => [GatePolicy], {
    description: 'Policies set for this launch; other environments use the default.',
  })
  gatePolicies!: GatePolicy[];

  @Field(() => [GateEvaluationRecord])
  lastGateEvaluations!: GateEvaluationRecord[];

  @Field(() => Cancellation, { nullable: true })
  cancellation!: Cancellation | null;

  @Field(() => DateTimeScalar, { nullable: true })
  closedAt!: string | null;

  @Field(() => DateTimeScalar)
  createdAt!: string;

  @Field(() => DateTimeScalar)
  updatedAt!: string;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Set on launchAsOf results: the moment shown.',
  })
  asOf!: string | null;

  @Field({ description: 'The read-model position this view was read at.' })
  position!: string;

  /**
   * Not a GraphQL field: names for the ids the `history` resolver labels, from the snapshot this view was
   * mapped from (the domain's `historyLabelsFrom`), so history needs no second read. Lazy: only `history`
   * pays for the maps.
   */
  historyLabels!: () => HistoryLabels;
}

@ObjectType()
export class LaunchEdge {
  @Field()
  cursor!: string;

  @Field(() => Launch)
  node!: Launch;
}

@ObjectType()
export class LaunchConnection {
  @Field(() => [LaunchEdge])
  edges!: LaunchEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}
