import { createHash } from 'node:crypto';
import { TOPIC_PARTITIONS, allTopicSpecs } from '@tminus/contracts';

/** A stable hash of the key, so one key always lands in one partition (its messages stay in order). */
export function partitionFor(key: string, partitions: number): number {
  if (partitions <= 1) return 0;
  return createHash('md5').update(key, 'utf8').digest().readUInt32BE(0) % partitions;
}

const CONTRACT_PARTITIONS: ReadonlyMap<string, number> = new Map(
  allTopicSpecs().map((spec) => [spec.name, spec.partitions]),
);

/** The partition count the contracts give a topic (dead-letter topics included); 1 for any other topic. */
export const contractPartitionsOf = (topic: string): number =>
  CONTRACT_PARTITIONS.get(topic) ?? (TOPIC_PARTITIONS as Readonly<Record<string, number>>)[topic] ?? 1;
