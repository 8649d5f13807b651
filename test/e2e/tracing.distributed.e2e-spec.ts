import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Topics } from '@tminus/contracts';
import { KafkaBus, namespacedTopicName, type IncomingMessage, type Subscription } from '@tminus/messaging';
import { kafkaBrokers } from '@tminus/testing';
import { DistributedStack } from './support/distributed-stack';
import { eventually } from './support/eventually';

/** A span as an OTLP/JSON export carries it (ids in hex), with the service that sent it. */
interface ReceivedSpan {
  readonly service: string;
  readonly name: string;
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId?: string;
}

interface OtlpExport {
  resourceSpans?: {
    resource?: { attributes?: { key: string; value: { stringValue?: string } }[] };
    scopeSpans?: { spans?: { name: string; traceId: string; spanId: string; parentSpanId?: string }[] }[];
  }[];
}

/** The smallest OTLP/HTTP receiver (JSON protocol): what a collector would get from the four processes. */
class OtlpReceiver {
  readonly spans: ReceivedSpan[] = [];
  private readonly server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.url === '/v1/traces')
        this.collect(JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpExport);
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private collect(body: OtlpExport): void {
    for (const resourceSpans of body.resourceSpans ?? []) {
      const service =
        resourceSpans.resource?.attributes?.find((attribute) => attribute.key === 'service.name')?.value
          .stringValue ?? '?';
      for (const scope of resourceSpans.scopeSpans ?? []) {
        for (const span of scope.spans ?? []) this.spans.push({ service, ...span });
      }
    }
  }
}

// One trace from a GraphQL request through the command on Kafka, the service's transaction, the event on
// Kafka (ce_traceparent) and the gateway's projector: four processes, the real broker, an OTLP exporter each.
describe('tracing across Kafka, distributed mode', () => {
  const receiver = new OtlpReceiver();
  let stack: DistributedStack;
  let bus: KafkaBus;
  let subscription: Subscription | undefined;
  const teamEvents: IncomingMessage[] = [];

  beforeAll(async () => {
    const endpoint = await receiver.start();
    stack = await DistributedStack.start({
      OTEL_TRACES_EXPORTER: 'otlp',
      OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_METRICS_EXPORTER: 'none',
      OTEL_LOGS_EXPORTER: 'none',
      OTEL_BSP_SCHEDULE_DELAY: '100',
    });
    bus = new KafkaBus({ brokers: kafkaBrokers() });
    subscription = await bus.subscribe({
      groupId: `${stack.namespace}.tracing-test`,
      topics: [namespacedTopicName(stack.namespace, Topics.teamsEvents)],
      fromBeginning: true,
      handle: async (message) => void teamEvents.push(message),
    });
  });

  afterAll(async () => {
    await subscription?.stop();
    await bus?.close();
    await stack?.stop();
    await receiver.stop();
  });

  it("continues the caller's trace through the command, the event and the projection", async () => {
    const traceId = randomBytes(16).toString('hex');
    const key = `traced-${randomBytes(3).toString('hex')}`;
    const response = await fetch(stack.graphqlUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${stack.adminToken}`,
        traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01`,
      },
      body: JSON.stringify({
        query: 'mutation($input: CreateTeamInput!) { createTeam(input: $input) { id key } }',
        variables: { input: { key, name: 'Traced team', function: 'QA' } },
      }),
    });
    expect(await response.json()).toMatchObject({ data: { createTeam: { key } } });

    const inTrace = await eventually(
      async () => receiver.spans.filter((span) => span.traceId === traceId),
      (spans) => spans.some((span) => span.name === 'project TeamCreated'),
      { what: 'the projector span of the traced request', timeoutMs: 20_000 },
    ).catch((error: Error) => {
      throw new Error(
        `${error.message}\nspans: ${JSON.stringify(receiver.spans.slice(-30))}\n${stack.logs()}`,
      );
    });

    const named = (service: string, name: string) =>
      inTrace.find((span) => span.service === service && span.name === name);
    const handled = named('tminus-teams', 'handle CreateTeam');
    const projected = named('tminus-gateway', 'project TeamCreated');
    expect(inTrace.some((span) => span.service === 'tminus-gateway' && span.parentSpanId === undefined)).toBe(
      false,
    );
    expect(handled).toBeDefined();
    expect(projected).toBeDefined();
    // The projection is a child of the command's handling: the link is the event's ce_traceparent.
    expect(projected?.parentSpanId).toBe(handled?.spanId);

    const event = await eventually(
      async () =>
        teamEvents.find(
          (message) =>
            message.headers.ce_type === 'TeamCreated' && message.headers.ce_traceparent?.includes(traceId),
        ),
      (message) => message !== undefined,
      { what: 'the TeamCreated message on Kafka' },
    );
    expect(event?.headers.ce_traceparent).toBe(`00-${traceId}-${handled?.spanId}-01`);
  });
});
