import { ChecklistMutations } from './checklists/checklist-commands';
import { ChecklistsResolver } from './checklists/checklists.resolver';
import { GateResolver } from './gate/gate.resolver';
import { IncidentsResolver } from './incidents/incidents.resolver';
import { LaunchMutations } from './launches/launch-commands';
import { LaunchForecastResolver } from './launches/launch-forecast.resolver';
import { LaunchLifecycleResolver } from './launches/launch-lifecycle.resolver';
import { LaunchQueriesResolver } from './launches/launch-queries.resolver';
import { LaunchTeamsResolver } from './launches/launch-teams.resolver';
import { SubscriptionsResolver } from './subscriptions/subscriptions.resolver';
import { TeamsResolver } from './teams/teams.resolver';
import { TemplatesResolver } from './templates/templates.resolver';
import { AuditResolver } from './audit/audit.resolver';
import { MyItemsResolver } from './checklists/my-items.resolver';
import { TokensResolver } from './tokens/tokens.resolver';
import { GithubMappingsResolver } from './github-mappings/github-mappings.resolver';

/** Every resolver of the API: the schema is generated from these (code-first). */
export const RESOLVERS = [
  LaunchQueriesResolver,
  LaunchForecastResolver,
  LaunchLifecycleResolver,
  LaunchTeamsResolver,
  IncidentsResolver,
  GateResolver,
  TeamsResolver,
  TemplatesResolver,
  ChecklistsResolver,
  TokensResolver,
  MyItemsResolver,
  AuditResolver,
  SubscriptionsResolver,
  GithubMappingsResolver,
];

/** The mutations' shared paths, injected into the resolvers. */
export const RESOLVER_HELPERS = [LaunchMutations, ChecklistMutations];
