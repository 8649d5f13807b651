import { NodeSDK } from '@opentelemetry/sdk-node';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { SpanKind as OtelSpanKind } from '@opentelemetry/api';
import { activeTraceparent, inSpan, isTraceparent, SpanKind } from './spans';

const INCOMING = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

describe('isTraceparent', () => {
  it('accepts the W3C form and refuses anything else', () => {
    expect(isTraceparent(INCOMING)).toBe(true);
    expect(isTraceparent('00-00000000000000000000000000000000-00f067aa0ba902b7-01')).toBe(false);
    expect(isTraceparent('00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01')).toBe(false);
    expect(isTraceparent('00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01')).toBe(false);
    expect(isTraceparent(`${INCOMING}\n::warning::x`)).toBe(false);
    expect(isTraceparent(undefined)).toBe(false);
  });
});

describe('SpanKind', () => {
  it('has the values of the OpenTelemetry API (kept here so that naming one does not load the API)', () => {
    expect(SpanKind).toEqual({
      INTERNAL: OtelSpanKind.INTERNAL,
      SERVER: OtelSpanKind.SERVER,
      CLIENT: OtelSpanKind.CLIENT,
      PRODUCER: OtelSpanKind.PRODUCER,
      CONSUMER: OtelSpanKind.CONSUMER,
    });
  });
});

describe('spans without tracing set up', () => {
  it('run the work and carry no trace context', async () => {
    expect(activeTraceparent()).toBeUndefined();
    await expect(inSpan('work', {}, async () => activeTraceparent())).resolves.toBeUndefined();
  });
});

describe('spans with the SDK running', () => {
  const exporter = new InMemorySpanExporter();
  const processor = new SimpleSpanProcessor(exporter);
  // No resource detection: its attributes arrive asynchronously and hold the first export back.
  const sdk = new NodeSDK({ spanProcessors: [processor], instrumentations: [], autoDetectResources: false });
  const finished = async () => {
    await processor.forceFlush();
    return exporter.getFinishedSpans();
  };
  beforeAll(() => sdk.start());
  afterAll(() => sdk.shutdown());
  beforeEach(() => exporter.reset());

  it('continues the trace a message carries, and hands its own span on to the next message', async () => {
    const carried = await inSpan('handle TickItem', { traceparent: INCOMING }, async () =>
      activeTraceparent(),
    );

    const [span] = await finished();
    expect(span.name).toBe('handle TickItem');
    expect(span.spanContext().traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(span.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
    expect(carried).toBe(`00-4bf92f3577b34da6a3ce929d0e0e4736-${span.spanContext().spanId}-01`);
  });

  it('nests under the active span when the message carries none, and a malformed one is ignored', async () => {
    await inSpan('request', {}, () =>
      inSpan('project ItemTicked', { traceparent: 'not-a-trace' }, async () => 1),
    );

    const [inner, outer] = await finished();
    expect(inner.name).toBe('project ItemTicked');
    expect(inner.spanContext().traceId).toBe(outer.spanContext().traceId);
    expect(inner.parentSpanContext?.spanId).toBe(outer.spanContext().spanId);
  });

  it('marks a failed span as an error and rethrows', async () => {
    await expect(
      inSpan('handle BlockItem', {}, async () => {
        throw new Error('database gone');
      }),
    ).rejects.toThrow('database gone');
    const [span] = await finished();
    expect(span.status.code).toBe(2);
    expect(span.events.map((event) => event.name)).toContain('exception');
  });
});
