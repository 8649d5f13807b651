import { logLevel, type logCreator } from 'kafkajs';
import type { MessagingLogger } from '../logger';

export type KafkaLogLevel = 'error' | 'warn' | 'info' | 'debug';

export const KAFKA_LOG_LEVELS: Readonly<Record<KafkaLogLevel, logLevel>> = {
  error: logLevel.ERROR,
  warn: logLevel.WARN,
  info: logLevel.INFO,
  debug: logLevel.DEBUG,
};

/** Routes kafkajs' own log lines into our structured logger, tagged with their kafkajs namespace. */
export const kafkaLogCreator =
  (logger: MessagingLogger): logCreator =>
  () =>
  ({ namespace, level, log }) => {
    const { message, timestamp: _timestamp, ...fields } = log;
    const entry = { component: 'kafkajs', namespace, ...fields };
    if (level <= logLevel.ERROR) logger.error(entry, message);
    else if (level === logLevel.WARN) logger.warn(entry, message);
    else if (level === logLevel.INFO) logger.info(entry, message);
    else logger.debug(entry, message);
  };
