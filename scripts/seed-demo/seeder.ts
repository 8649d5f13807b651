import type { DemoApi } from './api';
import { DEMO_TEAMS, DEMO_TEMPLATES, LIVE_LAUNCH, PLANNING_LAUNCH, type DemoTeam } from './demo-data';
import { DemoPeople } from './people';

export type SeedLog = (line: string) => void;

export interface SeedOptions {
  /** How long to wait for the checklists service to open a required team's checklist. */
  readonly checklistWaitMs?: number;
}

interface LaunchView {
  readonly id: string;
  readonly status: string;
  readonly teams: readonly {
    readonly teamId: string;
    readonly checklist: {
      readonly id: string;
      readonly items: readonly { id: string; title: string }[];
    } | null;
  }[];
}

const LAUNCH_FIELDS = 'id status teams { teamId checklist { id items { id title } } }';
const DAY_MS = 86_400_000;

/** Creates what is missing of the demo organisation; what exists (by key) is left alone. */
export class DemoSeeder {
  private readonly teamIds = new Map<string, string>();
  private readonly people: DemoPeople;

  constructor(
    private readonly admin: DemoApi,
    private readonly log: SeedLog,
    private readonly options: SeedOptions = {},
  ) {
    this.people = new DemoPeople(admin, (userId) =>
      DEMO_TEAMS.filter((team) => team.members.some((m) => m.userId === userId)).map((team) =>
        this.teamId(team.key),
      ),
    );
  }

  async run(): Promise<void> {
    try {
      for (const team of DEMO_TEAMS) await this.seedTeam(team);
      await this.seedTemplates();
      await this.seedPlanningLaunch();
      await this.seedLiveLaunch();
    } finally {
      // Never leave the people's tokens valid, but never hide the error that stopped the seed either.
      await this.people
        .revokeAll()
        .catch((error: Error) => this.log(`could not revoke the seed's tokens: ${error.message}`));
    }
  }

  private async seedTeam(team: DemoTeam): Promise<void> {
    type TeamView = { id: string; members: { userId: string }[] };
    const found = await this.admin.query<{ team: TeamView | null }>(
      'query SeedTeam($key: String!) { team(key: $key) { id members { userId } } }',
      { key: team.key },
    );
    let current = found.team;
    if (current === null) {
      current = await this.admin.mutate<TeamView>(
        'createTeam',
        { key: team.key, name: team.name, function: team.function },
        'id members { userId }',
      );
      this.log(`team ${team.key}: created`);
    } else {
      this.log(`team ${team.key}: exists`);
    }
    this.teamIds.set(team.key, current.id);
    const present = new Set(current.members.map((m) => m.userId));
    for (const member of team.members.filter((m) => !present.has(m.userId))) {
      await this.admin.mutate(
        'addTeamMember',
        { teamId: current.id, userId: member.userId, role: member.role },
        'id',
      );
      this.log(`  ${member.userId} joined ${team.key} as ${member.role}`);
    }
  }

  private async seedTemplates(): Promise<void> {
    const { checklistTemplates } = await this.admin.query<{
      checklistTemplates: { function: string; name: string }[];
    }>('query SeedTemplates { checklistTemplates { function name } }');
    for (const template of DEMO_TEMPLATES) {
      if (checklistTemplates.some((t) => t.function === template.function && t.name === template.name)) {
        this.log(`template ${template.function}: exists`);
        continue;
      }
      await this.admin.mutate('createChecklistTemplate', { ...template, items: [...template.items] }, 'id');
      this.log(`template ${template.function}: created (${template.items.length} items)`);
    }
  }

  private async seedPlanningLaunch(): Promise<void> {
    const spec = PLANNING_LAUNCH;
    const launch = await this.createLaunchWithTeams(spec);
    if (launch === null) return;
    for (const tick of spec.ticked) {
      const api = await this.people.as(tick.by);
      const evidence = 'evidenceUrl' in tick ? { evidenceUrl: tick.evidenceUrl } : {};
      await api.mutate('tickItem', { itemId: this.itemId(launch, tick.team, tick.item), ...evidence }, 'id');
      this.log(`  ${tick.by} ticked "${tick.item}" (${tick.team})`);
    }
    const block = spec.blocked;
    await (
      await this.people.as(block.by)
    ).mutate(
      'blockItem',
      { itemId: this.itemId(launch, block.team, block.item), reason: block.reason },
      'id',
    );
    this.log(`  ${block.by} blocked "${block.item}" (${block.team})`);
    const waive = spec.waived;
    await this.admin.mutate(
      'waiveItem',
      { itemId: this.itemId(launch, waive.team, waive.item), reason: waive.reason },
      'id',
    );
    this.log(`  waived "${waive.item}" (${waive.team})`);
  }

  private async seedLiveLaunch(): Promise<void> {
    const spec = LIVE_LAUNCH;
    const launch = await this.createLaunchWithTeams(spec);
    if (launch === null) return;
    for (const teamKey of spec.teams) {
      const team = DEMO_TEAMS.find((t) => t.key === teamKey);
      const lead = team?.members.find((m) => m.role === 'LEAD')?.userId ?? 'admin';
      const member = team?.members.find((m) => m.role === 'MEMBER')?.userId ?? lead;
      const checklist = this.checklistOf(launch, teamKey);
      const doer = await this.people.as(member);
      for (const item of checklist.items) await doer.mutate('tickItem', { itemId: item.id }, 'id');
      await (await this.people.as(lead)).mutate('signOffChecklist', { checklistId: checklist.id }, 'id');
      this.log(`  ${teamKey}: ${checklist.items.length} items done by ${member}, signed off by ${lead}`);
    }
    await this.admin.mutate(
      'recordGoNoGo',
      { launchId: launch.id, decision: 'GO', notes: spec.goNotes },
      'id',
    );
    await this.admin.mutate('markLaunched', { launchId: launch.id, hypercareDays: spec.hypercareDays }, 'id');
    this.log(`  GO recorded, live with ${spec.hypercareDays} days of hypercare`);
    for (const incident of spec.incidents) {
      const reported = await this.admin.mutate<{ id: string }>(
        'reportIncident',
        { launchId: launch.id, severity: 'SEV3', title: incident.title },
        'id',
      );
      if (incident.resolved) await this.admin.mutate('resolveIncident', { incidentId: reported.id }, 'id');
      this.log(`  SEV3 "${incident.title}": ${incident.resolved ? 'reported and resolved' : 'open'}`);
    }
  }

  /** Null when the launch exists already: its story was told on an earlier run. */
  private async createLaunchWithTeams(spec: {
    key: string;
    name: string;
    description: string;
    targetInDays: number;
    teams: readonly string[];
  }): Promise<LaunchView | null> {
    const found = await this.admin.query<{ launch: { id: string } | null }>(
      'query SeedLaunch($key: String!) { launch(key: $key) { id } }',
      { key: spec.key },
    );
    if (found.launch !== null) {
      this.log(`launch ${spec.key}: exists, left as it is`);
      return null;
    }
    const targetDate = new Date(Date.now() + spec.targetInDays * DAY_MS).toISOString();
    const { id } = await this.admin.mutate<{ id: string }>(
      'createLaunch',
      { key: spec.key, name: spec.name, description: spec.description, targetDate },
      'id',
    );
    this.log(`launch ${spec.key}: created, target ${targetDate.slice(0, 10)}`);
    for (const teamKey of spec.teams) {
      await this.admin.mutate('requireTeam', { launchId: id, teamId: this.teamId(teamKey) }, 'id');
    }
    this.log(`  requires ${spec.teams.join(', ')}`);
    return this.waitForChecklists(id, spec.teams.length);
  }

  /** Checklists are opened by the checklists service reacting to TeamRequired: wait until all are there. */
  private async waitForChecklists(launchId: string, teams: number): Promise<LaunchView> {
    const deadline = Date.now() + (this.options.checklistWaitMs ?? 20_000);
    for (;;) {
      const { launch } = await this.admin.query<{ launch: LaunchView }>(
        `query SeedLaunchTeams($id: ID!) { launch(id: $id) { ${LAUNCH_FIELDS} } }`,
        { id: launchId },
      );
      const opened = launch.teams.filter((t) => t.checklist !== null).length;
      if (opened === teams) return launch;
      if (Date.now() > deadline)
        throw new Error(`only ${opened} of ${teams} checklists of ${launchId} were opened`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  private teamId(key: string): string {
    const id = this.teamIds.get(key);
    if (id === undefined) throw new Error(`team ${key} was not seeded`);
    return id;
  }

  private checklistOf(
    launch: LaunchView,
    teamKey: string,
  ): NonNullable<LaunchView['teams'][number]['checklist']> {
    const checklist = launch.teams.find((t) => t.teamId === this.teamId(teamKey))?.checklist;
    if (!checklist) throw new Error(`no checklist for ${teamKey}`);
    return checklist;
  }

  private itemId(launch: LaunchView, teamKey: string, title: string): string {
    const item = this.checklistOf(launch, teamKey).items.find((i) => i.title === title);
    if (!item) throw new Error(`no item "${title}" in the checklist of ${teamKey}`);
    return item.id;
  }
}
