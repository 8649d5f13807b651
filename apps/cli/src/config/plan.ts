import type {
  Config,
  IncidentSourceConfig,
  LaunchConfig,
  TeamConfig,
  TemplateConfig,
  TemplateItemConfig,
} from './config-schema';
import type {
  CurrentIncidentSource,
  CurrentLaunch,
  CurrentState,
  CurrentTeam,
  CurrentTemplate,
  CurrentTemplateItem,
} from './current-state';

/** Ids known so far: the current ones, then those the steps create. */
export interface Ids {
  team(key: string): string;
  launch(key: string): string;
}

/** One GraphQL mutation; `creates` names the object whose id the answer's `<field>.id` gives. */
export interface Step {
  readonly query: string;
  readonly variables: (ids: Ids) => Record<string, unknown>;
  readonly creates?: { readonly kind: 'team' | 'launch'; readonly key: string; readonly field: string };
}

export type Action = 'create' | 'update' | 'unchanged';

export interface PlanEntry {
  readonly kind: 'team' | 'template' | 'launch' | 'incident source';
  readonly name: string;
  readonly action: Action;
  /** What changes, e.g. `add member ana (LEAD)`. */
  readonly changes: readonly string[];
  /** What the file asks for and the public API cannot do (left as is). */
  readonly warnings: readonly string[];
  readonly steps: readonly Step[];
}

const entry = (
  kind: PlanEntry['kind'],
  name: string,
  exists: boolean,
  changes: string[],
  steps: Step[],
  warnings: string[] = [],
): PlanEntry => ({
  kind,
  name,
  action: !exists ? 'create' : steps.length > 0 ? 'update' : 'unchanged',
  changes,
  warnings,
  steps,
});

const ADD_MEMBER = `mutation($input: AddTeamMemberInput!) { addTeamMember(input: $input) { id } }`;

function planTeam(team: TeamConfig, current: CurrentTeam | undefined): PlanEntry {
  const steps: Step[] = [];
  const changes: string[] = [];
  const warnings: string[] = [];
  if (current === undefined) {
    steps.push({
      query: `mutation($input: CreateTeamInput!) { createTeam(input: $input) { id } }`,
      variables: () => ({ input: { key: team.key, name: team.name, function: team.function } }),
      creates: { kind: 'team', key: team.key, field: 'createTeam' },
    });
  } else {
    if (current.name !== team.name)
      warnings.push(`name is "${current.name}": teams cannot be renamed through the API`);
    if (current.function !== team.function)
      warnings.push(`function is ${current.function}: a team's function cannot be changed through the API`);
  }
  for (const member of team.members ?? []) {
    const existing = current?.members.find((candidate) => candidate.userId === member.userId);
    if (existing?.role === member.role) continue;
    changes.push(
      existing
        ? `${member.userId}: ${existing.role} → ${member.role}`
        : `add member ${member.userId} (${member.role})`,
    );
    steps.push({
      query: ADD_MEMBER,
      variables: (ids) => ({
        input: { teamId: ids.team(team.key), userId: member.userId, role: member.role },
      }),
    });
  }
  return entry('team', team.key, current !== undefined, changes, steps, warnings);
}

/** Template items as the API returns them: every optional field explicit. */
export const normalizeItem = (item: TemplateItemConfig | CurrentTemplateItem): CurrentTemplateItem => ({
  title: item.title,
  description: item.description ?? null,
  required: item.required,
  dueDaysBeforeLaunch: item.dueDaysBeforeLaunch ?? null,
  owner: item.owner ?? null,
  check: item.check ?? null,
});

const sameItems = (a: readonly CurrentTemplateItem[], b: readonly CurrentTemplateItem[]): boolean =>
  JSON.stringify(a.map(normalizeItem)) === JSON.stringify(b.map(normalizeItem));

function planTemplate(template: TemplateConfig, current: CurrentTemplate | undefined): PlanEntry {
  const items = template.items.map(normalizeItem);
  const changes: string[] = [];
  if (current && current.name !== template.name) changes.push(`name "${current.name}" → "${template.name}"`);
  if (current && !sameItems(current.items, items))
    changes.push(`items (${current.items.length} → ${items.length})`);
  const steps: Step[] =
    current === undefined || changes.length > 0
      ? [
          {
            query: `mutation($input: CreateChecklistTemplateInput!) { createChecklistTemplate(input: $input) { id } }`,
            variables: () => ({ input: { function: template.function, name: template.name, items } }),
          },
        ]
      : [];
  return entry('template', template.function, current !== undefined, changes, steps);
}

const sameInstant = (a: string, b: string): boolean => Date.parse(a) === Date.parse(b);

function planLaunch(launch: LaunchConfig, current: CurrentLaunch | undefined): PlanEntry {
  const steps: Step[] = [];
  const changes: string[] = [];
  const warnings: string[] = [];
  const launchId = (ids: Ids) => ids.launch(launch.key);
  if (current === undefined) {
    steps.push({
      query: `mutation($input: CreateLaunchInput!) { createLaunch(input: $input) { id } }`,
      variables: () => ({
        input: {
          key: launch.key,
          name: launch.name,
          targetDate: launch.targetDate,
          description: launch.description ?? null,
        },
      }),
      creates: { kind: 'launch', key: launch.key, field: 'createLaunch' },
    });
  } else {
    const edits: Record<string, unknown> = {};
    if (current.name !== launch.name) edits.name = launch.name;
    // An absent description is not managed by the file; null clears it.
    if (launch.description !== undefined && (current.description ?? null) !== (launch.description ?? null))
      edits.description = launch.description ?? '';
    if (Object.keys(edits).length > 0) {
      changes.push(...Object.keys(edits).map((field) => `${field}`));
      steps.push({
        query: `mutation($input: EditLaunchInput!) { editLaunch(input: $input) { id } }`,
        variables: (ids) => ({ input: { launchId: launchId(ids), ...edits } }),
      });
    }
    if (!sameInstant(current.targetDate, launch.targetDate)) {
      changes.push(`targetDate ${current.targetDate} → ${launch.targetDate}`);
      steps.push({
        query: `mutation($input: RescheduleLaunchInput!) { rescheduleLaunch(input: $input) { id } }`,
        variables: (ids) => ({ input: { launchId: launchId(ids), targetDate: launch.targetDate } }),
      });
    }
  }
  for (const required of launch.requiredTeams ?? []) {
    const existing = current?.teams.find((team) => team.team?.key === required.team);
    if (existing) {
      const asked = required.signOffsRequired ?? 1;
      const has = existing.checklist?.signOffsRequired;
      if (has !== undefined && has !== asked)
        warnings.push(
          `team ${required.team} needs ${has} sign-off(s), not ${asked}: release and require it again to change`,
        );
      continue;
    }
    changes.push(`require team ${required.team}`);
    steps.push({
      query: `mutation($input: LaunchTeamInput!) { requireTeam(input: $input) { id } }`,
      variables: (ids) => ({
        input: {
          launchId: launchId(ids),
          teamId: ids.team(required.team),
          signOffsRequired: required.signOffsRequired ?? null,
        },
      }),
    });
  }
  for (const policy of launch.gatePolicies ?? []) {
    const environment = policy.environment.toLowerCase();
    const wanted = {
      minReadinessPercent: policy.minReadinessPercent ?? 0,
      requireGoDecision: policy.requireGoDecision,
      requireReady: policy.requireReady,
    };
    const existing = current?.gatePolicies.find(
      (candidate) => candidate.environment === environment && !candidate.isDefault,
    );
    if (
      existing &&
      existing.minReadinessPercent === wanted.minReadinessPercent &&
      existing.requireGoDecision === wanted.requireGoDecision &&
      existing.requireReady === wanted.requireReady
    )
      continue;
    changes.push(`gate policy ${environment}`);
    steps.push({
      query: `mutation($input: SetGatePolicyInput!) { setGatePolicy(input: $input) { id } }`,
      variables: (ids) => ({ input: { launchId: launchId(ids), environment, ...wanted } }),
    });
  }
  return entry('launch', launch.key, current !== undefined, changes, steps, warnings);
}

/**
 * A mapping is known by its (source, match): mapping it again re-points it, so a new launch is an
 * update and no unmap is needed. Mappings absent from the file are left alone, like every object.
 */
function planIncidentSource(
  mapping: IncidentSourceConfig,
  current: CurrentIncidentSource | undefined,
): PlanEntry {
  const changes =
    current !== undefined && current.launchKey !== mapping.launch
      ? [`launch ${current.launchKey ?? '(unknown)'} → ${mapping.launch}`]
      : [];
  const steps: Step[] =
    current === undefined || changes.length > 0
      ? [
          {
            query: `mutation($input: MapIncidentSourceInput!) { mapIncidentSource(input: $input) { id } }`,
            variables: (ids) => ({
              input: { source: mapping.source, match: mapping.match, launchId: ids.launch(mapping.launch) },
            }),
          },
        ]
      : [];
  return entry(
    'incident source',
    `${mapping.source} ${mapping.match}`,
    current !== undefined,
    changes,
    steps,
  );
}

/** What applying `config` to `current` does, object by object, in the order it must happen. */
export function planOf(config: Config, current: CurrentState): PlanEntry[] {
  return [
    ...(config.teams ?? []).map((team) =>
      planTeam(
        team,
        current.teams.find((t) => t.key === team.key),
      ),
    ),
    ...(config.templates ?? []).map((template) =>
      planTemplate(
        template,
        current.templates.find((t) => t.function === template.function),
      ),
    ),
    ...(config.launches ?? []).map((launch) =>
      planLaunch(
        launch,
        current.launches.find((l) => l.key === launch.key),
      ),
    ),
    // After the launches: a mapping may name a launch the same file creates.
    ...(config.incidentSources ?? []).map((mapping) =>
      planIncidentSource(
        mapping,
        current.incidentSources.find((m) => m.source === mapping.source && m.match === mapping.match),
      ),
    ),
  ];
}

/** `team payments-qa: create (add member ana (LEAD))` lines, then a count, or `no changes`. */
export function formatPlan(plan: readonly PlanEntry[]): string {
  const lines = plan.flatMap((item) => [
    `${item.kind} ${item.name}: ${item.action}${item.changes.length > 0 ? ` (${item.changes.join('; ')})` : ''}`,
    ...item.warnings.map((warning) => `  warning: ${warning}`),
  ]);
  const count = (action: Action) => plan.filter((item) => item.action === action).length;
  const changing = count('create') + count('update');
  lines.push(
    changing === 0
      ? 'no changes'
      : `plan: ${count('create')} to create, ${count('update')} to update, ${count('unchanged')} unchanged`,
  );
  return `${lines.join('\n')}\n`;
}
