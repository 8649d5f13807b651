import { checklistIdFor, type CommandEnvelope, type Message, type ServiceName } from '@tminus/contracts';
import {
  decodeCommandEnvelope,
  type MessageBus,
  type OutgoingMessage,
  type Subscription,
} from '@tminus/messaging';
import {
  acceptedOf,
  envelopesFor,
  publishEvents,
  rejectionOf,
  StreamPositions,
  type EventSpec,
} from './envelopes';
import type { FakeBus } from './fake-bus';

/** How a fake service answers a command. */
export type CommandAnswer =
  | { readonly events: readonly EventSpec[]; readonly reactions?: readonly EventSpec[] }
  | { readonly reject: { readonly code: string; readonly message: string } }
  | { readonly accept: true }
  | { readonly ignore: true };

export type CommandHandler = (command: CommandEnvelope, payload: Record<string, unknown>) => CommandAnswer;

const event = (streamId: string, type: string, data: object): EventSpec => ({
  streamId,
  event: { type, data } as Message,
});

const at = (): string => new Date().toISOString();
const byOf = (command: CommandEnvelope): string => command.actor.userId;

/** Happy-path answers: each command produces the event a service would, without checking any rule. */
export const HAPPY_PATH: Readonly<Record<string, CommandHandler>> = {
  CreateTeam: (_c, p) => ({ events: [event(String(p.teamId), 'TeamCreated', p)] }),
  AddTeamMember: (_c, p) => ({ events: [event(String(p.teamId), 'TeamMemberAdded', p)] }),
  RemoveTeamMember: (_c, p) => ({ events: [event(String(p.teamId), 'TeamMemberRemoved', p)] }),
  CreateChecklistTemplate: (_c, p) => ({
    events: [event(String(p.templateId), 'ChecklistTemplateCreated', { ...p, version: 1 })],
  }),
  CreateLaunch: (_c, p) => ({ events: [event(String(p.launchId), 'LaunchCreated', p)] }),
  RescheduleLaunch: (_c, p) => ({
    events: [event(String(p.launchId), 'LaunchRescheduled', { ...p, previousTargetDate: p.targetDate })],
  }),
  RequireTeam: (_c, p) => {
    const checklistId = checklistIdFor(String(p.launchId), String(p.teamId));
    const targetDate = '2030-01-01T00:00:00.000Z';
    return {
      events: [event(String(p.launchId), 'TeamRequired', { ...p, targetDate })],
      // The checklists service reacts to TeamRequired by opening the team's checklist.
      reactions: [
        event(checklistId, 'ChecklistOpened', {
          checklistId,
          launchId: p.launchId,
          teamId: p.teamId,
          teamFunction: null,
          templateId: null,
          templateVersion: null,
          targetDate,
          items: [],
        }),
      ],
    };
  },
  AddChecklistItem: (_c, p) => ({
    events: [
      event(String(p.checklistId), 'ChecklistItemAdded', {
        ...p,
        description: p.description ?? null,
        dueDate: p.dueDate ?? null,
        dueDaysBeforeLaunch: null,
      }),
    ],
  }),
  TickItem: (c, p) => ({
    events: [
      event(String(p.checklistId), 'ChecklistItemTicked', {
        ...p,
        by: byOf(c),
        at: at(),
        evidenceUrl: p.evidenceUrl ?? null,
      }),
    ],
  }),
  AssignItemOwner: (_c, p) => ({
    events: [event(String(p.checklistId), 'ChecklistItemOwnerAssigned', p)],
  }),
  UntickItem: (c, p) => ({
    events: [event(String(p.checklistId), 'ChecklistItemUnticked', { ...p, by: byOf(c) })],
  }),
  WaiveItem: (c, p) => ({
    events: [
      event(String(p.checklistId), 'ChecklistItemWaiverRequested', {
        ...p,
        requestedBy: byOf(c),
        expiresAt: p.expiresAt ?? null,
      }),
    ],
  }),
  // The fake keeps no state: the approved waiver names the approver as its requester too.
  ApproveWaiver: (c, p) => ({
    events: [
      event(String(p.checklistId), 'ChecklistItemWaived', {
        ...p,
        reason: 'approved',
        requestedBy: byOf(c),
        approvedBy: byOf(c),
        expiresAt: null,
      }),
    ],
  }),
  RejectWaiver: (c, p) => ({
    events: [event(String(p.checklistId), 'ChecklistItemWaiverRejected', { ...p, by: byOf(c) })],
  }),
  BlockItem: (c, p) => ({
    events: [event(String(p.checklistId), 'ChecklistItemBlocked', { ...p, by: byOf(c) })],
  }),
  SignOffChecklist: (c, p) => ({
    events: [
      event(String(p.checklistId), 'ChecklistSignedOff', {
        checklistId: p.checklistId,
        by: byOf(c),
        at: at(),
      }),
    ],
  }),
  RecordGoNoGo: (c, p) => ({
    events: [
      event(String(p.launchId), 'GoNoGoRecorded', { ...p, notes: p.notes ?? null, by: byOf(c), at: at() }),
    ],
  }),
  ReportIncident: (c, p) => ({
    events: [event(String(p.launchId), 'IncidentReported', { ...p, by: byOf(c), at: at() })],
  }),
  CancelLaunch: (_c, p) => ({
    events: [event(String(p.launchId), 'LaunchCancelled', { ...p, reason: p.reason ?? null, at: at() })],
  }),
};

const serviceOfTopic = (topic: string): ServiceName | null => {
  const match = /^tminus\.(launches|teams|checklists)\.commands$/.exec(topic);
  return match ? (match[1] as ServiceName) : null;
};

/**
 * Plays the three services for gateway tests: reads the commands the gateway publishes and answers
 * on the event topics (events carrying the command id, or a rejection), as the real services would.
 */
export class FakeServices {
  readonly commands: CommandEnvelope[] = [];
  readonly positions = new StreamPositions();
  private stop: (() => Promise<void> | void) | null = null;

  constructor(
    private readonly bus: Pick<MessageBus, 'publish'>,
    private handlers: Readonly<Record<string, CommandHandler>> = HAPPY_PATH,
  ) {}

  /** Answers the commands published on a FakeBus. */
  start(bus: FakeBus): this {
    this.stop = bus.onPublish((topic, message) => this.handle(topic, message));
    return this;
  }

  /** Answers the commands on a real bus, consuming the command topics in group `groupId`. */
  async consume(bus: MessageBus, groupId: string): Promise<this> {
    const subscription: Subscription = await bus.subscribe({
      groupId,
      topics: ['tminus.launches.commands', 'tminus.teams.commands', 'tminus.checklists.commands'],
      fromBeginning: true,
      handle: (message) => this.handle(message.topic, message),
    });
    this.stop = () => subscription.stop();
    return this;
  }

  async handle(topic: string, message: OutgoingMessage): Promise<void> {
    const service = serviceOfTopic(topic);
    if (service === null) return;
    const command = decodeCommandEnvelope(message);
    this.commands.push(command);
    await this.answer(service, command);
  }

  /** Answers the next commands with `handlers` instead. */
  use(handlers: Readonly<Record<string, CommandHandler>>): void {
    this.handlers = handlers;
  }

  /** Publishes events of a service as if it had produced them on its own (seeding the read model). */
  async emit(service: ServiceName, events: readonly EventSpec[]): Promise<void> {
    await publishEvents(this.bus, service, envelopesFor(this.positions, service, events));
  }

  async close(): Promise<void> {
    await this.stop?.();
  }

  private async answer(service: ServiceName, command: CommandEnvelope): Promise<void> {
    const handler = this.handlers[command.type];
    const answer: CommandAnswer = handler
      ? handler(command, command.payload as Record<string, unknown>)
      : {
          reject: {
            code: 'TEST.NOT_SUPPORTED',
            message: `The fake ${service} service does not handle ${command.type}`,
          },
        };
    if ('ignore' in answer) return;
    if ('reject' in answer) {
      await publishEvents(this.bus, service, [
        rejectionOf(command, service, answer.reject.code, answer.reject.message),
      ]);
      return;
    }
    if ('accept' in answer) {
      await publishEvents(this.bus, service, [acceptedOf(command, service)]);
      return;
    }
    await publishEvents(this.bus, service, envelopesFor(this.positions, service, answer.events, command));
    if (answer.reactions) await this.emit('checklists', answer.reactions);
  }
}

export { event };
