import { graphql } from '../api/graphql';
import type { Fetch } from '../gate/gate-client';
import type { Connection } from '../support/connection';

/** What the public API says exists, in the shapes the plan compares. */
export interface CurrentTeam {
  readonly id: string;
  readonly key: string;
  readonly name: string;
  readonly function: string;
  readonly members: readonly { readonly userId: string; readonly role: string }[];
}
export interface CurrentTemplateItem {
  readonly title: string;
  readonly description: string | null;
  readonly required: boolean;
  readonly dueDaysBeforeLaunch: number | null;
  readonly owner: string | null;
  readonly check: string | null;
}
export interface CurrentTemplate {
  readonly function: string;
  readonly name: string;
  readonly items: readonly CurrentTemplateItem[];
}
export interface CurrentLaunch {
  readonly id: string;
  readonly key: string;
  readonly name: string;
  readonly description: string | null;
  readonly targetDate: string;
  readonly status: string;
  readonly teams: readonly {
    readonly team: { readonly key: string } | null;
    readonly checklist: { readonly signOffsRequired: number } | null;
  }[];
  readonly gatePolicies: readonly {
    readonly environment: string;
    readonly isDefault: boolean;
    readonly minReadinessPercent: number;
    readonly requireGoDecision: boolean;
    readonly requireReady: boolean;
  }[];
}
export interface CurrentIncidentSource {
  readonly source: string;
  readonly match: string;
  /** Null when the gateway's read model does not know the launch (the mapping is not exported). */
  readonly launchKey: string | null;
}
export interface CurrentState {
  readonly teams: readonly CurrentTeam[];
  readonly templates: readonly CurrentTemplate[];
  readonly launches: readonly CurrentLaunch[];
  readonly incidentSources: readonly CurrentIncidentSource[];
}

const LAUNCH_FIELDS = `id key name description targetDate status
  teams { team { key } checklist { signOffsRequired } }
  gatePolicies { environment isDefault minReadinessPercent requireGoDecision requireReady }`;

/** Everything `apply` compares with and `export` prints (launches page by page). */
export async function readCurrentState(connection: Connection, fetchImpl?: Fetch): Promise<CurrentState> {
  const { teams, checklistTemplates, incidentSources } = await graphql<{
    teams: CurrentTeam[];
    checklistTemplates: CurrentTemplate[];
    incidentSources: CurrentIncidentSource[];
  }>(
    connection,
    `
      query {
        teams {
          id
          key
          name
          function
          members {
            userId
            role
          }
        }
        checklistTemplates {
          function
          name
          items {
            title
            description
            required
            dueDaysBeforeLaunch
            owner
            check
          }
        }
        incidentSources {
          source
          match
          launchKey
        }
      }
    `,
    {},
    fetchImpl,
  );
  const launches: CurrentLaunch[] = [];
  let after: string | null = null;
  for (;;) {
    const page: {
      launches: {
        edges: { node: CurrentLaunch }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    } = await graphql(
      connection,
      `query($after: String) { launches(first: 50, after: $after) { edges { node { ${LAUNCH_FIELDS} } } pageInfo { hasNextPage endCursor } } }`,
      { after },
      fetchImpl,
    );
    launches.push(...page.launches.edges.map((edge) => edge.node));
    if (!page.launches.pageInfo.hasNextPage || page.launches.pageInfo.endCursor === null) break;
    after = page.launches.pageInfo.endCursor;
  }
  return { teams, templates: checklistTemplates, launches, incidentSources };
}
