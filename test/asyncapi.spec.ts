import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  COMMAND_TYPES_BY_SERVICE,
  EVENT_SCHEMA_VERSIONS,
  EVENT_TYPES_BY_SERVICE,
  TOPIC_PARTITIONS,
  Topics,
  type ServiceName,
} from '@tminus/contracts';

/** docs/asyncapi.yaml describes exactly the topics and message types of libs/contracts. */
interface Doc {
  asyncapi: string;
  channels: Record<
    string,
    {
      address: string;
      messages: Record<string, { $ref: string }>;
      bindings: { kafka: { partitions: number } };
    }
  >;
  components: {
    messages: Record<string, { name: string; payload: unknown; headers: unknown }>;
    schemas: Record<string, unknown>;
  };
}

const doc = parse(readFileSync(join(__dirname, '..', 'docs', 'asyncapi.yaml'), 'utf8')) as Doc;
const SERVICES: ServiceName[] = ['launches', 'teams', 'checklists'];
const sorted = (values: Iterable<string>) => [...new Set(values)].sort();
const channelAt = (address: string) => Object.values(doc.channels).find((c) => c.address === address);
const messageNames = (address: string) => sorted(Object.keys(channelAt(address)?.messages ?? {}));

/** Every `$ref` in the document, with where it is. */
function refs(node: unknown, path = '#'): { path: string; ref: string }[] {
  if (Array.isArray(node)) return node.flatMap((child, i) => refs(child, `${path}/${i}`));
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, value]) =>
    key === '$ref' && typeof value === 'string' ? [{ path, ref: value }] : refs(value, `${path}/${key}`),
  );
}

const resolve = (ref: string): unknown =>
  ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);

describe('docs/asyncapi.yaml', () => {
  it('is an AsyncAPI 3 document with one channel per contract topic, partitions included', () => {
    expect(doc.asyncapi).toMatch(/^3\./);
    expect(sorted(Object.values(doc.channels).map((c) => c.address))).toEqual(sorted(Object.values(Topics)));
    for (const [topic, partitions] of Object.entries(TOPIC_PARTITIONS)) {
      expect({ topic, partitions: channelAt(topic)?.bindings.kafka.partitions }).toEqual({
        topic,
        partitions,
      });
    }
  });

  it('describes every event and command type of the contracts, and no other', () => {
    const contractTypes = sorted([
      ...Object.keys(EVENT_SCHEMA_VERSIONS),
      ...SERVICES.flatMap((service) => COMMAND_TYPES_BY_SERVICE[service]),
    ]);
    expect(sorted(Object.keys(doc.components.messages))).toEqual(contractTypes);
    for (const [key, message] of Object.entries(doc.components.messages)) expect(message.name).toBe(key);
  });

  it.each(SERVICES)(
    'puts the %s commands on its command topic and its events on its events topic',
    (service) => {
      expect(messageNames(`tminus.${service}.commands`)).toEqual(sorted(COMMAND_TYPES_BY_SERVICE[service]));
      expect(messageNames(`tminus.${service}.events`)).toEqual(sorted(EVENT_TYPES_BY_SERVICE[service]));
    },
  );

  it('knows a schema version for every event type the services publish (contracts are consistent)', () => {
    expect(sorted(SERVICES.flatMap((service) => EVENT_TYPES_BY_SERVICE[service]))).toEqual(
      sorted(Object.keys(EVENT_SCHEMA_VERSIONS)),
    );
  });

  it('has no dangling $ref', () => {
    const dangling = refs(doc).filter(({ ref }) => resolve(ref) === undefined);
    expect(dangling).toEqual([]);
  });

  it('gives every message CloudEvents headers and a payload whose required fields it defines', () => {
    for (const [name, message] of Object.entries(doc.components.messages)) {
      expect({ name, headers: message.headers }).toEqual({
        name,
        headers: { $ref: expect.stringMatching(/^#\/components\/schemas\/(Event|Command)Headers$/) },
      });
      const payload = message.payload as { required?: string[]; properties?: Record<string, unknown> };
      const undefinedRequired = (payload.required ?? []).filter(
        (field) => !(field in (payload.properties ?? {})),
      );
      expect({ name, undefinedRequired }).toEqual({ name, undefinedRequired: [] });
    }
  });
});
