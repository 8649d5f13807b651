import type { logCreator, logLevel } from 'kafkajs';
import type { MessagingLogger } from '../logger';
import { kafkajs } from './kafkajs';

export type KafkaLogLevel = 'error' | 'warn' | 'info' | 'debug';

/** kafkajs' own level for ours (a function: kafkajs is loaded only once a client is made). */
export function kafkaLogLevel(level: KafkaLogLevel): logLevel {
  const { logLevel: levels } = kafkajs();
  const byName: Readonly<Record<KafkaLogLevel, logLevel>> = {
    error: levels.ERROR,
    warn: levels.WARN,
    info: levels.INFO,
    debug: levels.DEBUG,
  };
  return byName[level];
}

/** Routes kafkajs' own log lines into our structured logger, tagged with their kafkajs namespace. */
export const kafkaLogCreator =
  (logger: MessagingLogger): logCreator =>
  () => {
    const { logLevel: levels } = kafkajs();
    return ({ namespace, level, log }) => {
      const { message, timestamp: _timestamp, ...fields } = log;
      const entry = { component: 'kafkajs', namespace, ...fields };
      if (level <= levels.ERROR) logger.error(entry, message);
      else if (level === levels.WARN) logger.warn(entry, message);
      else if (level === levels.INFO) logger.info(entry, message);
      else logger.debug(entry, message);
    };
  };
