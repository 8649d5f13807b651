/** Kafka topic names. Commands are keyed by aggregate id, events by stream id. */
export const Topics = {
  launchesCommands: 'tminus.launches.commands',
  launchesEvents: 'tminus.launches.events',
  teamsCommands: 'tminus.teams.commands',
  teamsEvents: 'tminus.teams.events',
  checklistsCommands: 'tminus.checklists.commands',
  checklistsEvents: 'tminus.checklists.events',
} as const;

export type TopicName = (typeof Topics)[keyof typeof Topics];

export type ServiceName = 'launches' | 'teams' | 'checklists';

export const commandTopicOf = (service: ServiceName): TopicName => `tminus.${service}.commands` as TopicName;
export const eventTopicOf = (service: ServiceName): TopicName => `tminus.${service}.events` as TopicName;

/** Where a message lands after its retries are used up. */
export const dlqTopicOf = (topic: string): string => `${topic}.dlq`;

/** Partition counts are explicit: topics are created before any app consumes (nestjs/nest#13220). */
export const TOPIC_PARTITIONS: Readonly<Record<TopicName, number>> = {
  [Topics.launchesCommands]: 6,
  [Topics.launchesEvents]: 6,
  [Topics.teamsCommands]: 3,
  [Topics.teamsEvents]: 3,
  [Topics.checklistsCommands]: 6,
  [Topics.checklistsEvents]: 6,
};

export interface TopicSpec {
  readonly name: string;
  readonly partitions: number;
}

/** Every topic the system uses, dead-letter topics included (one partition each). */
export const allTopicSpecs = (): TopicSpec[] =>
  Object.entries(TOPIC_PARTITIONS).flatMap(([name, partitions]) => [
    { name, partitions },
    { name: dlqTopicOf(name), partitions: 1 },
  ]);
