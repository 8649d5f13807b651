import type * as PlatformaticKafka from '@platformatic/kafka';

/**
 * @platformatic/kafka, required when a PlatformaticBus first makes a client rather than when
 * @tminus/messaging is imported: the embedded process (in-process bus) and every kafkajs deployment
 * never load it, as kafka/kafkajs.ts does for kafkajs. Types come from `import type`, free at run time.
 */
export function platformaticKafka(): typeof PlatformaticKafka {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- on first use only, see above
  return require('@platformatic/kafka') as typeof PlatformaticKafka;
}
