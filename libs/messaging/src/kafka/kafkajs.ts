import type * as KafkaJs from 'kafkajs';

/**
 * kafkajs, required when a Kafka client is first made rather than when @tminus/messaging is
 * imported: its 143 modules (≈10 MB of RSS) are dead weight in the embedded process, whose bus is
 * in-process. Types come from `import type`, which costs nothing at run time.
 */
export function kafkajs(): typeof KafkaJs {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- on first use only, see above
  return require('kafkajs') as typeof KafkaJs;
}
