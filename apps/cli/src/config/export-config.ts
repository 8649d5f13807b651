import { stringify } from 'yaml';
import type { Config } from './config-schema';
import type { CurrentState } from './current-state';
import { normalizeItem } from './plan';

/** Drops null and undefined fields, so the file says only what is set. */
const compact = <T extends Record<string, unknown>>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, field]) => field !== null && field !== undefined)) as T;

/**
 * The current state as a configuration file that `apply` takes back unchanged. With `launchKey`: that
 * launch, the teams it requires, the templates of their functions and the incident sources feeding it.
 */
export function exportConfig(state: CurrentState, launchKey?: string): Config {
  const launches =
    launchKey === undefined ? state.launches : state.launches.filter((launch) => launch.key === launchKey);
  const teamKeys =
    launchKey === undefined
      ? null
      : new Set(
          launches.flatMap((launch) => launch.teams.flatMap((team) => (team.team ? [team.team.key] : []))),
        );
  const teams = state.teams.filter((team) => teamKeys === null || teamKeys.has(team.key));
  const functions = launchKey === undefined ? null : new Set(teams.map((team) => team.function));
  const templates = state.templates.filter(
    (template) => functions === null || functions.has(template.function),
  );
  const launchKeys = new Set(launches.map((launch) => launch.key));
  // A mapping whose launch the read model does not know cannot be written by key: left out.
  const incidentSources = state.incidentSources.flatMap((mapping) =>
    mapping.launchKey !== null && launchKeys.has(mapping.launchKey)
      ? [
          {
            source: mapping.source as NonNullable<Config['incidentSources']>[number]['source'],
            match: mapping.match,
            launch: mapping.launchKey,
          },
        ]
      : [],
  );
  return {
    teams: teams.map((team) => ({
      key: team.key,
      name: team.name,
      function: team.function as NonNullable<Config['teams']>[number]['function'],
      members: team.members.map((member) => ({
        userId: member.userId,
        role: member.role as 'LEAD' | 'MEMBER',
      })),
    })),
    templates: templates.map((template) => ({
      function: template.function as NonNullable<Config['templates']>[number]['function'],
      name: template.name,
      items: template.items.map((item) => compact({ ...normalizeItem(item) })),
    })),
    launches: launches.map((launch) =>
      compact({
        key: launch.key,
        name: launch.name,
        targetDate: launch.targetDate,
        description: launch.description,
        requiredTeams: launch.teams.flatMap((team) =>
          team.team ? [{ team: team.team.key, signOffsRequired: team.checklist?.signOffsRequired ?? 1 }] : [],
        ),
        gatePolicies: launch.gatePolicies
          .filter((policy) => !policy.isDefault)
          .map((policy) => ({
            environment: policy.environment,
            minReadinessPercent: policy.minReadinessPercent,
            requireGoDecision: policy.requireGoDecision,
            requireReady: policy.requireReady,
          })),
      }),
    ),
    incidentSources,
  };
}

export const configYaml = (config: Config): string =>
  `# tminus configuration (tminus export); apply with: tminus apply -f <this file>\n${stringify(config, { lineWidth: 0 })}`;
