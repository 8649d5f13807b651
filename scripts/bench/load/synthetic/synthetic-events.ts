/**
 * Synthetic event history for the data-scale scenarios (S4 rebuild, S5 memory, S7 at 1M events): a
 * stream of valid envelopes in arrival order, as the three services publish them and the gateway logs
 * them — teams with members, templates, then launches that each live a realistic life (teams required,
 * checklists opened and worked through: ticks, unticks, waivers, blockers, sign-offs; GO, live,
 * incidents, closed), many launches in flight at once so their events interleave. Deterministic for a
 * seed (ids included), so two runs build the same store. Pure: writers live beside it.
 */
import {
  checklistIdFor,
  COMMAND_REJECTED,
  deterministicId,
  schemaVersionOf,
  templateIdFor,
  TEAM_FUNCTIONS,
  type Actor,
  type ChecklistEvent,
  type ChecklistItemSnapshot,
  type ChecklistTemplateEvent,
  type CommandRejectedData,
  type EventEnvelope,
  type LaunchEvent,
  type TeamEvent,
  type TeamFunction,
} from '@tminus/contracts';

type SyntheticEvent = LaunchEvent | ChecklistEvent | TeamEvent | ChecklistTemplateEvent;

export interface SyntheticOptions {
  /** How many envelopes to produce (markers included). */
  readonly events: number;
  readonly seed?: number;
  /** Launches in flight at once (their events interleave). */
  readonly activeLaunches?: number;
  readonly teams?: number;
  /** Teams each launch requires (one checklist each). */
  readonly teamsPerLaunch?: number;
  readonly itemsPerChecklist?: number;
  /** Every n-th command is rejected (a CommandRejected marker at position 0); 0: none. */
  readonly rejectEvery?: number;
  /** occurredAt of the first event; one second passes per event. */
  readonly start?: string;
}

/** An envelope and the launch it concerns (null: teams, templates), as the gateway logs it. */
export interface SyntheticEnvelope {
  readonly envelope: EventEnvelope;
  readonly launchId: string | null;
}

const SOURCE: Record<'launch' | 'checklist' | 'team', string> = {
  launch: 'tminus.launches',
  checklist: 'tminus.checklists',
  team: 'tminus.teams',
};

/** mulberry32: a small seeded PRNG (the same history for the same seed). */
const prng = (seed: number) => {
  let a = seed >>> 0;
  return (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
};

interface Planned {
  readonly streamId: string;
  readonly kind: 'launch' | 'checklist' | 'team';
  readonly launchId: string | null;
  readonly event: SyntheticEvent;
  readonly actor: Actor;
}

const MANAGER: Actor = { userId: 'user-manager-1', role: 'LAUNCH_MANAGER' };
const ADMIN: Actor = { userId: 'user-admin', role: 'ADMIN' };
const DAY = 86_400_000;

interface Team {
  readonly id: string;
  readonly function: TeamFunction;
  readonly lead: string;
  readonly members: readonly string[];
}

function teamsOf(count: number): { teams: Team[]; planned: Planned[] } {
  const teams: Team[] = [];
  const planned: Planned[] = [];
  for (let t = 1; t <= count; t++) {
    const id = deterministicId('synthetic-team', String(t));
    const team: Team = {
      id,
      function: TEAM_FUNCTIONS[t % TEAM_FUNCTIONS.length],
      lead: `user-lead-${t}`,
      members: [`user-${t}-a`, `user-${t}-b`, `user-${t}-c`],
    };
    teams.push(team);
    const on = (event: TeamEvent): Planned => ({
      streamId: id,
      kind: 'team',
      launchId: null,
      event,
      actor: ADMIN,
    });
    planned.push(
      on({
        type: 'TeamCreated',
        data: { teamId: id, key: `team-${t}`, name: `Team ${t}`, function: team.function },
      }),
    );
    planned.push(on({ type: 'TeamMemberAdded', data: { teamId: id, userId: team.lead, role: 'LEAD' } }));
    for (const userId of team.members)
      planned.push(on({ type: 'TeamMemberAdded', data: { teamId: id, userId, role: 'MEMBER' } }));
  }
  return { teams, planned };
}

function templatesOf(teams: readonly Team[], items: number): Planned[] {
  const functions = [...new Set(teams.map((team) => team.function))];
  return functions.map((fn) => {
    const templateId = templateIdFor(fn);
    return {
      streamId: templateId,
      kind: 'checklist' as const,
      launchId: null,
      actor: ADMIN,
      event: {
        type: 'ChecklistTemplateCreated' as const,
        data: {
          templateId,
          function: fn,
          name: `${fn} launch checklist`,
          version: 1,
          items: Array.from({ length: items }, (_, i) => ({
            title: `${fn} check ${i + 1}`,
            required: i % 4 !== 3,
            dueDaysBeforeLaunch: i % 5 === 0 ? 2 : null,
          })),
        },
      },
    };
  });
}

/** One launch's life, in its own order (ticks of different checklists shuffled together). */
function launchLife(
  n: number,
  teams: readonly Team[],
  options: Required<SyntheticOptions>,
  random: () => number,
  now: number,
): Planned[] {
  const launchId = deterministicId('synthetic-launch', String(options.seed), String(n));
  const targetDate = new Date(now + 30 * DAY).toISOString();
  const at = (offsetDays: number) => new Date(now + offsetDays * DAY).toISOString();
  const onLaunch = (event: LaunchEvent, actor: Actor = MANAGER): Planned => ({
    streamId: launchId,
    kind: 'launch',
    launchId,
    event,
    actor,
  });
  const life: Planned[] = [
    onLaunch({
      type: 'LaunchCreated',
      data: {
        launchId,
        key: `launch-${n}`,
        name: `Launch ${n}`,
        targetDate,
        description: n % 3 === 0 ? `Synthetic launch number ${n}` : null,
        ownerUserId: MANAGER.userId,
      },
    }),
    onLaunch({
      type: 'GatePolicySet',
      data: {
        launchId,
        environment: 'production',
        requireReady: true,
        minReadinessPercent: 100,
        requireGoDecision: true,
      },
    }),
  ];
  const first = Math.floor(random() * teams.length);
  const chosen = Array.from(
    { length: options.teamsPerLaunch },
    (_, i) => teams[(first + i * 7) % teams.length],
  );
  const work: Planned[][] = [];
  const signOffs: Planned[] = [];
  for (const team of chosen) {
    life.push(
      onLaunch({
        type: 'TeamRequired',
        data: { launchId, teamId: team.id, targetDate, signOffsRequired: 1 },
      }),
    );
    const checklistId = checklistIdFor(launchId, team.id);
    const onChecklist = (
      event: ChecklistEvent,
      userId = team.members[Math.floor(random() * team.members.length)],
    ): Planned => ({
      streamId: checklistId,
      kind: 'checklist',
      launchId,
      event,
      actor: { userId, role: 'TEAM_MEMBER' },
    });
    const items: ChecklistItemSnapshot[] = Array.from({ length: options.itemsPerChecklist }, (_, i) => ({
      itemId: deterministicId('synthetic-item', checklistId, String(i)),
      title: `${team.function} check ${i + 1}`,
      description: null,
      required: i % 4 !== 3,
      dueDate: i % 5 === 0 ? at(28) : null,
      dueDaysBeforeLaunch: i % 5 === 0 ? 2 : null,
      ownerUserId: i % 2 === 0 ? team.members[i % team.members.length] : null,
    }));
    const steps: Planned[] = [
      onChecklist(
        {
          type: 'ChecklistOpened',
          data: {
            checklistId,
            launchId,
            teamId: team.id,
            teamFunction: team.function,
            templateId: templateIdFor(team.function),
            templateVersion: 1,
            targetDate,
            items,
            signOffsRequired: 1,
          },
        },
        'system',
      ),
    ];
    items.forEach((item, i) => {
      const { itemId } = item;
      const by = team.members[i % team.members.length];
      if (i % 10 === 4) {
        steps.push(
          onChecklist({
            type: 'ChecklistItemBlocked',
            data: { checklistId, itemId, reason: 'environment not ready', by },
          }),
        );
        steps.push(onChecklist({ type: 'ChecklistItemUnblocked', data: { checklistId, itemId, by } }));
      }
      if (i % 10 === 7) {
        steps.push(
          onChecklist({
            type: 'ChecklistItemWaiverRequested',
            data: { checklistId, itemId, reason: 'covered by canary', requestedBy: by, expiresAt: at(60) },
          }),
        );
        steps.push(
          onChecklist(
            {
              type: 'ChecklistItemWaived',
              data: {
                checklistId,
                itemId,
                reason: 'covered by canary',
                requestedBy: by,
                approvedBy: team.lead,
                expiresAt: at(60),
              },
            },
            team.lead,
          ),
        );
        return;
      }
      if (i % 10 === 2) {
        steps.push(
          onChecklist({
            type: 'ChecklistItemTicked',
            data: { checklistId, itemId, by, at: at(10), evidenceUrl: null },
          }),
        );
        steps.push(onChecklist({ type: 'ChecklistItemUnticked', data: { checklistId, itemId, by } }));
      }
      steps.push(
        onChecklist({
          type: 'ChecklistItemTicked',
          data: {
            checklistId,
            itemId,
            by,
            at: at(12),
            evidenceUrl: i % 3 === 0 ? `https://ci.example.com/runs/${n}-${i}` : null,
          },
        }),
      );
    });
    work.push(steps);
    signOffs.push(
      onChecklist(
        { type: 'ChecklistSignedOff', data: { checklistId, by: team.lead, at: at(20) } },
        team.lead,
      ),
    );
  }
  // The checklists' work interleaved (each checklist keeps its own order), then the sign-offs.
  while (work.some((steps) => steps.length > 0)) {
    const open = work.filter((steps) => steps.length > 0);
    life.push(open[Math.floor(random() * open.length)].shift() as Planned);
  }
  life.push(...signOffs);
  const incidentId = deterministicId('synthetic-incident', launchId);
  life.push(
    onLaunch({
      type: 'GoNoGoRecorded',
      data: { launchId, decision: 'GO', notes: null, by: MANAGER.userId, at: at(29) },
    }),
    onLaunch({
      type: 'LaunchWentLive',
      data: { launchId, at: at(30), hypercareDays: 14, hypercareEndsAt: at(44), quietPeriodHours: 0 },
    }),
  );
  if (n % 4 === 0) {
    life.push(
      onLaunch({
        type: 'IncidentReported',
        data: {
          launchId,
          incidentId,
          severity: n % 8 === 0 ? 'SEV2' : 'SEV3',
          title: `Errors after launch ${n}`,
          by: MANAGER.userId,
          at: at(31),
          source: null,
          externalId: null,
          url: null,
        },
      }),
      onLaunch({
        type: 'IncidentResolved',
        data: { launchId, incidentId, resolution: 'rolled forward', by: MANAGER.userId, at: at(32) },
      }),
    );
  }
  life.push(onLaunch({ type: 'LaunchClosed', data: { launchId, at: at(45) } }));
  return life;
}

/**
 * Yields `options.events` envelopes in arrival order. Stream positions count from 1 per stream; ids
 * are deterministic for the seed; every `rejectEvery`-th command also yields a CommandRejected marker.
 */
export function* syntheticEnvelopes(input: SyntheticOptions): Generator<SyntheticEnvelope> {
  const options: Required<SyntheticOptions> = {
    seed: 1,
    activeLaunches: 64,
    teams: 30,
    teamsPerLaunch: 3,
    itemsPerChecklist: 20,
    rejectEvery: 97,
    start: '2026-01-01T00:00:00.000Z',
    ...input,
  };
  const random = prng(options.seed);
  let clock = Date.parse(options.start);
  const positions = new Map<string, number>();
  let produced = 0;
  const envelopeOf = (planned: Planned): SyntheticEnvelope => {
    const position = (positions.get(planned.streamId) ?? 0) + 1;
    positions.set(planned.streamId, position);
    produced++;
    clock += 1000;
    const id = deterministicId('synthetic-event', String(options.seed), String(produced));
    return {
      launchId: planned.launchId,
      envelope: {
        id,
        type: planned.event.type,
        schemaVersion: schemaVersionOf(planned.event.type),
        source: SOURCE[planned.kind],
        streamId: planned.streamId,
        streamPosition: position,
        occurredAt: new Date(clock).toISOString(),
        correlationId: id,
        causationId: id,
        commandId: id,
        lastOfCommand: true,
        actor: planned.actor,
        data: planned.event.data,
      },
    };
  };
  const rejected = (planned: Planned): SyntheticEnvelope => {
    produced++;
    clock += 1000;
    const id = deterministicId('synthetic-event', String(options.seed), String(produced));
    const data: CommandRejectedData = {
      commandId: id,
      commandType: 'TickItem',
      aggregateId: planned.streamId,
      code: 'ITEM_ALREADY_DONE',
      message: 'The item is done already.',
    };
    return {
      launchId: null,
      envelope: {
        id,
        type: COMMAND_REJECTED,
        schemaVersion: 1,
        source: SOURCE[planned.kind],
        streamId: planned.streamId,
        streamPosition: 0,
        occurredAt: new Date(clock).toISOString(),
        correlationId: id,
        causationId: id,
        commandId: id,
        actor: planned.actor,
        data,
      },
    };
  };

  const { teams, planned: setup } = teamsOf(options.teams);
  for (const planned of [...setup, ...templatesOf(teams, options.itemsPerChecklist)]) {
    if (produced >= options.events) return;
    yield envelopeOf(planned);
  }
  let launches = 0;
  const active: Planned[][] = [];
  while (produced < options.events) {
    while (active.length < options.activeLaunches)
      active.push(launchLife(++launches, teams, options, random, clock));
    const index = Math.floor(random() * active.length);
    const life = active[index];
    const planned = life.shift() as Planned;
    if (life.length === 0) active.splice(index, 1);
    yield envelopeOf(planned);
    if (options.rejectEvery > 0 && produced % options.rejectEvery === 0 && produced < options.events)
      yield rejected(planned);
  }
}
