/**
 * Small Kafka administration helpers for scripts (npm run infra:*) and test set-up.
 *
 * Only libs/messaging may import kafkajs (checked in CI), so infrastructure scripts and test
 * helpers go through these functions instead of creating their own clients. Every call opens a
 * short-lived admin client and always disconnects it: callers are CLIs and jest set-up code that
 * must be able to exit without dangling sockets.
 */
import type { Admin, ITopicMetadata } from 'kafkajs';
import type { TopicSpec } from '@tminus/contracts';
import { kafkajs } from './kafkajs';

/** Topics are created for a single local broker; a production cluster sets its own factor. */
const REPLICATION_FACTOR = 1;
/** Delay between readiness polls: short enough to notice a fresh broker quickly on 2 cores. */
const POLL_INTERVAL_MS = 250;
/** New topics get their leaders within milliseconds; poll them faster than a starting broker. */
const TOPIC_POLL_INTERVAL_MS = 50;
const TOPIC_READY_TIMEOUT_MS = 30_000;

export interface KafkaClusterInfo {
  readonly clusterId: string;
  readonly controller: number | null;
  readonly brokers: ReadonlyArray<{ readonly nodeId: number; readonly host: string; readonly port: number }>;
}

/** Why waitForKafka gave up: the broker process died, or it never answered in time. */
export type KafkaUnavailableReason = 'process-exited' | 'timeout';

export class KafkaUnavailableError extends Error {
  constructor(
    readonly reason: KafkaUnavailableReason,
    readonly brokers: readonly string[],
    readonly lastError: Error | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'KafkaUnavailableError';
  }
}

/** An existing topic whose partition count differs from its contract: Kafka cannot shrink it. */
export class TopicPartitionMismatchError extends Error {
  constructor(readonly mismatches: ReadonlyArray<{ topic: string; expected: number; actual: number }>) {
    super(
      `Existing topics have the wrong partition count: ${mismatches
        .map((m) => `${m.topic} has ${m.actual}, contract says ${m.expected}`)
        .join('; ')}. Delete them (or the broker's data directory) and create them again.`,
    );
    this.name = 'TopicPartitionMismatchError';
  }
}

interface AdminOptions {
  /** 0 for readiness probes, where the caller does its own polling. */
  readonly retries: number;
  readonly connectionTimeoutMs: number;
  readonly requestTimeoutMs: number;
}

const DEFAULT_ADMIN_OPTIONS: AdminOptions = {
  retries: 3,
  connectionTimeoutMs: 3_000,
  requestTimeoutMs: 30_000,
};
const PROBE_ADMIN_OPTIONS: AdminOptions = { retries: 0, connectionTimeoutMs: 1_000, requestTimeoutMs: 3_000 };

const createAdmin = (brokers: readonly string[], options: AdminOptions): Admin => {
  const { Kafka, logLevel } = kafkajs();
  return new Kafka({
    clientId: 'tminus-admin',
    brokers: [...brokers],
    // Errors surface as rejected promises; kafkajs' own logging would only repeat them, noisily,
    // on every failed readiness poll.
    logLevel: logLevel.NOTHING,
    connectionTimeout: options.connectionTimeoutMs,
    requestTimeout: options.requestTimeoutMs,
    retry: { retries: options.retries },
  }).admin();
};

/** Runs `work` with a connected admin client and always disconnects it. */
async function withAdmin<T>(
  brokers: readonly string[],
  work: (admin: Admin) => Promise<T>,
  options: AdminOptions = DEFAULT_ADMIN_OPTIONS,
): Promise<T> {
  assertBrokers(brokers);
  const admin = createAdmin(brokers, options);
  try {
    await admin.connect();
    return await work(admin);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/** A configuration mistake, not a broker that is still starting: no point in polling. */
function assertBrokers(brokers: readonly string[]): void {
  if (brokers.length === 0) {
    throw new Error('No Kafka brokers given (set KAFKA_BROKERS, e.g. 127.0.0.1:19092)');
  }
}

const toError = (e: unknown): Error => (e instanceof Error ? e : new Error(String(e)));

/** One metadata round trip; rejects when no broker answers within a few seconds. */
export async function describeKafkaCluster(brokers: readonly string[]): Promise<KafkaClusterInfo> {
  return withAdmin(brokers, (admin) => admin.describeCluster(), PROBE_ADMIN_OPTIONS);
}

/**
 * Polls `describeCluster()` until the broker answers. This is the one place a delay loop is
 * legitimate: a starting broker offers nothing to subscribe to.
 *
 * @param isAlive checked before every attempt; lets a caller that started the broker fail fast
 *   when the process has exited instead of waiting out the whole timeout.
 */
export async function waitForKafka(
  brokers: string[],
  timeoutMs: number,
  isAlive?: () => boolean,
): Promise<void> {
  assertBrokers(brokers);
  const deadline = Date.now() + timeoutMs;
  let lastError: Error | undefined;
  for (;;) {
    if (isAlive && !isAlive()) {
      throw new KafkaUnavailableError(
        'process-exited',
        brokers,
        lastError,
        `The Kafka process exited before ${brokers.join(',')} answered`,
      );
    }
    try {
      const cluster = await describeKafkaCluster(brokers);
      // A broker that is up but not yet registered (unfenced) answers with no brokers, and
      // createTopics would then fail with INVALID_REPLICATION_FACTOR.
      if (cluster.brokers.length > 0) return;
      lastError = new Error('the cluster has no registered broker yet');
    } catch (e) {
      lastError = toError(e);
    }
    if (Date.now() + POLL_INTERVAL_MS > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
  throw new KafkaUnavailableError(
    'timeout',
    brokers,
    lastError,
    `Kafka at ${brokers.join(',')} did not answer within ${timeoutMs} ms` +
      (lastError ? ` (last error: ${lastError.message})` : ''),
  );
}

export async function listTopics(brokers: readonly string[]): Promise<string[]> {
  return withAdmin(brokers, (admin) => admin.listTopics());
}

/** Partition count per topic, for the given topics or (without names) every topic but internal ones. */
export async function topicPartitionCounts(
  brokers: readonly string[],
  names?: readonly string[],
): Promise<Map<string, number>> {
  return withAdmin(brokers, async (admin) => {
    const topics = names ? [...names] : (await admin.listTopics()).filter((t) => !t.startsWith('__'));
    if (topics.length === 0) return new Map();
    const metadata = await admin.fetchTopicMetadata({ topics });
    return new Map(metadata.topics.map((t) => [t.name, t.partitions.length]));
  });
}

/**
 * Creates every missing topic with its contract's partition count (topics are never left to
 * auto-creation: nestjs/nest#13220), checks that the existing ones match, and returns once every
 * partition of every topic has a leader, so producers and consumers can use them at once.
 *
 * Safe to run concurrently (two set-ups at once): a topic another caller created in between
 * counts as existing, not as an error.
 *
 * @returns the names of the topics this call created.
 */
export async function ensureTopics(
  brokers: readonly string[],
  specs: readonly TopicSpec[],
): Promise<string[]> {
  return withAdmin(brokers, async (admin) => {
    const existing = new Set(await admin.listTopics());
    const created = await createMissingTopics(
      admin,
      specs.filter((s) => !existing.has(s.name)),
    );
    await waitForTopicLeaders(admin, specs);
    return created;
  });
}

async function createMissingTopics(admin: Admin, missing: readonly TopicSpec[]): Promise<string[]> {
  // One request per topic so each result says precisely whether this call created it. allSettled,
  // not all: no request may still be in flight when withAdmin disconnects the client, or its
  // kafkajs retry timers keep the process alive.
  const results = await Promise.allSettled(missing.map((spec) => createTopic(admin, spec)));
  const failures = results.flatMap((r) => (r.status === 'rejected' ? [toError(r.reason).message] : []));
  if (failures.length > 0) throw new Error(failures.join('; '));
  return missing.filter((_, i) => results[i].status === 'fulfilled' && results[i].value).map((s) => s.name);
}

/** @returns false when the topic already existed (created concurrently by someone else). */
async function createTopic(admin: Admin, spec: TopicSpec): Promise<boolean> {
  try {
    return await admin.createTopics({
      topics: [{ topic: spec.name, numPartitions: spec.partitions, replicationFactor: REPLICATION_FACTOR }],
      // kafkajs' own wait gives up on UNKNOWN_TOPIC_OR_PARTITION, which a new topic reports until
      // the broker's metadata cache catches up: waitForTopicLeaders polls instead.
      waitForLeaders: false,
    });
  } catch (e) {
    if (isOnlyAlreadyExists(e)) return false;
    throw new Error(`Could not create topic ${spec.name}: ${toError(e).message}`, { cause: e });
  }
}

const isOnlyAlreadyExists = (e: unknown): boolean => {
  const { KafkaJSAggregateError, KafkaJSProtocolError } = kafkajs();
  return (
    e instanceof KafkaJSAggregateError &&
    e.errors.every((inner) => inner instanceof KafkaJSProtocolError && inner.type === 'TOPIC_ALREADY_EXISTS')
  );
};

/** Errors a topic reports between its creation and the moment the broker serves it. */
const NOT_YET_SERVED = new Set([
  'UNKNOWN_TOPIC_OR_PARTITION',
  'LEADER_NOT_AVAILABLE',
  'NOT_LEADER_OR_FOLLOWER',
]);

const isNotYetServed = (e: unknown): boolean =>
  e instanceof kafkajs().KafkaJSProtocolError && NOT_YET_SERVED.has(e.type);

/**
 * Polls topic metadata until every partition has a leader (a readiness poll, like waitForKafka).
 * A partition count that differs from the spec fails at once: Kafka never shrinks a topic, and
 * growing one silently would move keys to other partitions.
 */
async function waitForTopicLeaders(admin: Admin, specs: readonly TopicSpec[]): Promise<void> {
  if (specs.length === 0) return;
  const deadline = Date.now() + TOPIC_READY_TIMEOUT_MS;
  let pending = specs.map((s) => s.name).join(', ');
  for (;;) {
    try {
      const metadata = await admin.fetchTopicMetadata({ topics: specs.map((s) => s.name) });
      assertPartitionCounts(specs, metadata.topics);
      const leaderless = metadata.topics.filter((t) => t.partitions.some((p) => p.leader < 0));
      if (leaderless.length === 0) return;
      pending = leaderless.map((t) => t.name).join(', ');
    } catch (e) {
      if (!isNotYetServed(e)) throw e;
    }
    if (Date.now() + TOPIC_POLL_INTERVAL_MS > deadline) {
      throw new Error(`Topics have no partition leader after ${TOPIC_READY_TIMEOUT_MS} ms: ${pending}`);
    }
    await new Promise((resolve) => setTimeout(resolve, TOPIC_POLL_INTERVAL_MS));
  }
}

function assertPartitionCounts(specs: readonly TopicSpec[], topics: readonly ITopicMetadata[]): void {
  const actual = new Map(topics.map((t) => [t.name, t.partitions.length]));
  const mismatches = specs
    .map((s) => ({ topic: s.name, expected: s.partitions, actual: actual.get(s.name) ?? 0 }))
    .filter((m) => m.actual !== m.expected);
  if (mismatches.length > 0) throw new TopicPartitionMismatchError(mismatches);
}

/** Deletes the named topics; names that do not exist are ignored, so clean-up code can be blunt. */
export async function deleteTopics(brokers: readonly string[], names: readonly string[]): Promise<void> {
  if (names.length === 0) return;
  await withAdmin(brokers, async (admin) => {
    const existing = new Set(await admin.listTopics());
    const present = names.filter((n) => existing.has(n));
    if (present.length > 0) await admin.deleteTopics({ topics: present });
  });
}
