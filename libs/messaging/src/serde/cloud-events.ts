/**
 * Header names of the CloudEvents Kafka protocol binding, binary mode: attributes travel as `ce_`
 * headers, `datacontenttype` as `content-type`, the data as the record value. Extension attribute
 * names must be lower-case letters and digits (CloudEvents spec), hence `ce_streamposition`.
 */
export const CE = {
  specVersion: 'ce_specversion',
  id: 'ce_id',
  type: 'ce_type',
  source: 'ce_source',
  time: 'ce_time',
  subject: 'ce_subject',
  contentType: 'content-type',
  // Extensions.
  streamPosition: 'ce_streamposition',
  schemaVersion: 'ce_schemaversion',
  correlationId: 'ce_correlationid',
  causationId: 'ce_causationid',
  commandId: 'ce_commandid',
  lastOfCommand: 'ce_lastofcommand',
  actor: 'ce_actor',
  /** CloudEvents distributed tracing extension: the W3C trace context of the work behind the message. */
  traceparent: 'ce_traceparent',
} as const;

export const CLOUDEVENTS_SPEC_VERSION = '1.0';
export const JSON_CONTENT_TYPE = 'application/json';

/** `application/json`, optionally with parameters (`; charset=utf-8`). */
export const isJsonContentType = (value: string): boolean =>
  value.split(';')[0].trim().toLowerCase() === JSON_CONTENT_TYPE;
