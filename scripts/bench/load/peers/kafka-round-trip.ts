/**
 * Peer: Kafka alone on the same broker in the same run — an open-loop produce → consume round trip
 * at a fixed rate with kafkajs used directly (libs/messaging/src/kafka/round-trip-bench.ts), latency
 * from each message's scheduled send time (HDR histogram). What the transport costs before any of our
 * code runs; the same bench through our KafkaBus shows what the bus adds.
 */
import {
  measureKafkaRoundTrip,
  type RoundTripClient,
} from '../../../../libs/messaging/src/kafka/round-trip-bench';
import { summarizeLatencies } from '../latency-histogram';
import type { Throughput } from '../verdict';

export async function measureKafkaPeer(
  client: RoundTripClient,
  ratePerSecond: number,
  seconds: number,
  warmupSeconds: number,
): Promise<Throughput & { readonly sendP50Ms: number; readonly sendP99Ms: number }> {
  const brokers = (process.env.KAFKA_BROKERS || '127.0.0.1:19092').split(',');
  const result = await measureKafkaRoundTrip({ brokers, client, ratePerSecond, seconds, warmupSeconds });
  const latency = summarizeLatencies(result.latenciesMs);
  const send = summarizeLatencies(result.sendLatenciesMs);
  return {
    label: `${client === 'kafkajs' ? 'raw kafkajs' : 'KafkaBus'} produce→consume at ${ratePerSecond}/s`,
    perSecond: result.perSecond,
    p50Ms: latency.p50Ms,
    p99Ms: latency.p99Ms,
    requests: result.received,
    errors: result.failedSends + (result.sent - result.received),
    sendP50Ms: send.p50Ms,
    sendP99Ms: send.p99Ms,
  };
}
