import type { IncomingMessage, OutgoingMessage } from '../message-bus';

/** Headers a dead-lettered message carries on top of its own, saying where it came from and why. */
export const DLQ_HEADERS = {
  error: 'dlq_error',
  errorType: 'dlq_error_type',
  originalTopic: 'dlq_original_topic',
  originalPartition: 'dlq_original_partition',
  originalOffset: 'dlq_original_offset',
  attempts: 'dlq_attempts',
  failedAt: 'dlq_failed_at',
  groupId: 'dlq_group_id',
} as const;

const DLQ_PREFIX = 'dlq_';
/** Kafka takes large headers, but an error with a huge message should not bloat every copy. */
const MAX_ERROR_LENGTH = 2_000;

export interface DeadLetterDetails {
  readonly error: unknown;
  readonly attempts: number;
  readonly failedAt: Date;
  readonly groupId?: string;
}

/** The original message (same key, value and headers) with the dlq_ headers added. */
export function toDeadLetter(message: IncomingMessage, details: DeadLetterDetails): OutgoingMessage {
  const { name, text } = describeError(details.error);
  const headers: Record<string, string> = {
    ...withoutDeadLetterHeaders(message.headers),
    [DLQ_HEADERS.error]: text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH)}…` : text,
    [DLQ_HEADERS.errorType]: name,
    [DLQ_HEADERS.originalTopic]: message.topic,
    [DLQ_HEADERS.originalPartition]: String(message.partition),
    [DLQ_HEADERS.originalOffset]: message.offset,
    [DLQ_HEADERS.attempts]: String(details.attempts),
    [DLQ_HEADERS.failedAt]: details.failedAt.toISOString(),
  };
  if (details.groupId !== undefined) headers[DLQ_HEADERS.groupId] = details.groupId;
  return { key: message.key, value: message.value, headers };
}

/** The headers without any dlq_ header: what a replayed message carries again. */
export function withoutDeadLetterHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !name.startsWith(DLQ_PREFIX)));
}

function describeError(error: unknown): { name: string; text: string } {
  if (error instanceof Error) return { name: error.name, text: `${error.name}: ${error.message}` };
  return { name: 'NonError', text: String(error) };
}
