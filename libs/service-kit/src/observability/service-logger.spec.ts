import { NodeSDK } from '@opentelemetry/sdk-node';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { inSpan } from '@tminus/tracing';
import { createServiceLogger } from './service-logger';

/** The JSON lines a logger wrote. */
const recorder = () => {
  const lines: Record<string, unknown>[] = [];
  return { lines, stream: { write: (line: string) => void lines.push(JSON.parse(line)) } };
};

describe('service logger', () => {
  it('writes JSON lines named after the app, without trace fields outside a trace', () => {
    const { lines, stream } = recorder();
    createServiceLogger('gateway', 'info', stream).info({ port: 4000 }, 'listening');
    expect(lines).toEqual([
      expect.objectContaining({ name: 'tminus-gateway', port: 4000, msg: 'listening' }),
    ]);
    expect(lines[0]).not.toHaveProperty('trace_id');
  });

  describe('with tracing on', () => {
    const exporter = new InMemorySpanExporter();
    const sdk = new NodeSDK({
      spanProcessors: [new SimpleSpanProcessor(exporter)],
      instrumentations: [],
      autoDetectResources: false,
    });
    beforeAll(() => sdk.start());
    afterAll(() => sdk.shutdown());

    it('puts trace_id and span_id of the active span on every line, child loggers included', async () => {
      const { lines, stream } = recorder();
      const logger = createServiceLogger('checklists', 'info', stream);
      const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
      const spanId = await inSpan(
        'handle TickItem',
        { traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
        async () => {
          logger.info('handling');
          await Promise.resolve();
          logger.child({ component: 'relay' }).warn('after an await');
          return lines[0]?.span_id;
        },
      );
      logger.info('outside');

      expect(spanId).toMatch(/^[0-9a-f]{16}$/);
      expect(spanId).not.toBe('00f067aa0ba902b7');
      expect(lines.map(({ msg, trace_id, span_id }) => ({ msg, trace_id, span_id }))).toEqual([
        { msg: 'handling', trace_id: traceId, span_id: spanId },
        { msg: 'after an await', trace_id: traceId, span_id: spanId },
        { msg: 'outside', trace_id: undefined, span_id: undefined },
      ]);
    });
  });
});
