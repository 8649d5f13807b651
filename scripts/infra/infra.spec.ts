import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  likelyCause,
  newClusterId,
  renderServerProperties,
} from '../../libs/messaging/src/local-broker/kafka-broker';
import { ensureKafkaJars } from '../../libs/messaging/src/local-broker/kafka-jars';
import { infraPaths } from '../../libs/messaging/src/local-broker/paths';
import { databaseUrl, quoteIdent, redactUrl } from './postgres';
import { loadSettings, SERVICE_DATABASES } from '../../libs/messaging/src/local-broker/settings';

const properties = (text: string): Map<string, string> =>
  new Map(
    text
      .split('\n')
      .filter((line) => line.includes('=') && !line.startsWith('#'))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );

describe('loadSettings', () => {
  it('defaults to loopback ports 19092/19093, the local PostgreSQL and one database per service', () => {
    const settings = loadSettings({});

    expect(settings.brokers).toEqual(['127.0.0.1:19092']);
    expect(settings.controllerPort).toBe(19093);
    expect(settings.pgAdminUrl).toBe('postgres://postgres@127.0.0.1:5432/postgres');
    expect(settings.databases).toEqual([
      'tminus_launches',
      'tminus_teams',
      'tminus_checklists',
      'tminus_gateway',
    ]);
  });

  it('takes ports and the admin URL from the environment', () => {
    const settings = loadSettings({
      KAFKA_PORT: '29092',
      KAFKA_CONTROLLER_PORT: '29093',
      PG_ADMIN_URL: 'postgres://me@db:5433/postgres',
    });

    expect(settings.brokers).toEqual(['127.0.0.1:29092']);
    expect(settings.controllerPort).toBe(29093);
    expect(settings.pgAdminUrl).toBe('postgres://me@db:5433/postgres');
  });

  it.each([['abc'], ['0'], ['70000'], ['19092.5']])(
    'rejects KAFKA_PORT=%s with a message naming it',
    (port) => {
      expect(() => loadSettings({ KAFKA_PORT: port })).toThrow(/KAFKA_PORT must be a TCP port/);
    },
  );

  it('rejects a controller port equal to the broker port', () => {
    expect(() => loadSettings({ KAFKA_PORT: '19093' })).toThrow(/must differ/);
  });
});

describe('renderServerProperties', () => {
  const props = properties(
    renderServerProperties(
      loadSettings({ KAFKA_PORT: '29092', KAFKA_CONTROLLER_PORT: '29093' }),
      '/abs/data',
    ),
  );

  it('configures one combined broker+controller on 127.0.0.1 with the given ports', () => {
    expect(props.get('process.roles')).toBe('broker,controller');
    expect(props.get('controller.quorum.voters')).toBe('1@127.0.0.1:29093');
    expect(props.get('listeners')).toBe('PLAINTEXT://127.0.0.1:29092,CONTROLLER://127.0.0.1:29093');
    expect(props.get('advertised.listeners')).toBe('PLAINTEXT://127.0.0.1:29092');
    expect(props.get('log.dirs')).toBe('/abs/data');
  });

  it('sets every internal topic to one replica, or consumer groups never find a coordinator', () => {
    expect(props.get('offsets.topic.replication.factor')).toBe('1');
    expect(props.get('transaction.state.log.replication.factor')).toBe('1');
    expect(props.get('share.coordinator.state.topic.replication.factor')).toBe('1');
    expect(props.get('group.initial.rebalance.delay.ms')).toBe('0');
  });
});

describe('newClusterId', () => {
  it('is 16 random bytes in unpadded base64url, as kafka-storage random-uuid prints', () => {
    const id = newClusterId();
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(Buffer.from(id, 'base64url')).toHaveLength(16);
    expect(newClusterId()).not.toBe(id);
  });

  it('never starts with "-", which kafka-storage would parse as an option', () => {
    // 0xf8 encodes as "-" in base64url: the first draw is refused, the second kept.
    const draws = [Buffer.alloc(16, 0xf8), Buffer.alloc(16, 0x01)];
    expect(newClusterId(() => draws.shift()!)).toBe(Buffer.alloc(16, 0x01).toString('base64url'));
    expect(Buffer.alloc(16, 0xf8).toString('base64url').startsWith('-')).toBe(true);
  });
});

describe('likelyCause', () => {
  it('picks the innermost "Caused by" of a stack trace', () => {
    const trace = [
      'ERROR [main] Exiting Kafka due to fatal exception during startup.',
      'org.apache.kafka.common.KafkaException: startup failed',
      '\tat kafka.Kafka.main(Kafka.scala:1)',
      'Caused by: org.apache.kafka.common.KafkaException: Socket server failed to bind to 127.0.0.1:19092',
      '\tat x.y(Z.java:1)',
      'Caused by: java.net.BindException: Address already in use',
      '\t... 18 more',
    ].join('\n');

    expect(likelyCause(trace)).toBe('java.net.BindException: Address already in use');
  });

  it('falls back to the first ERROR line, and to nothing', () => {
    expect(likelyCause('[t] INFO  [main] starting\n[t] ERROR [main] bad config x')).toBe(
      '[t] ERROR [main] bad config x',
    );
    expect(likelyCause('[t] INFO  [main] all fine')).toBeUndefined();
  });
});

describe('PostgreSQL URL helpers', () => {
  it('points the admin URL at another database, keeping host, port and credentials', () => {
    expect(databaseUrl('postgres://u:p@h:5433/postgres?sslmode=disable', 'tminus_teams')).toBe(
      'postgres://u:p@h:5433/tminus_teams?sslmode=disable',
    );
  });

  it('hides passwords in printed URLs', () => {
    expect(redactUrl('postgres://u:secret@h:5432/postgres')).toBe('postgres://u:***@h:5432/postgres');
  });

  it('quotes identifiers, doubling embedded quotes', () => {
    expect(quoteIdent('a"b')).toBe('"a""b"');
  });

  it('lists one database per service', () => {
    expect(SERVICE_DATABASES).toHaveLength(4);
  });
});

describe('ensureKafkaJars', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'tminus-infra-'));
    mkdirSync(join(root, 'deploy', 'local', 'kafka'), { recursive: true });
    writeFileSync(join(root, 'deploy', 'local', 'kafka', 'pom.xml'), '<project/>');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('does not run Maven when the jars match the pom hash, so repeated starts need no network', async () => {
    const paths = infraPaths(root);
    mkdirSync(paths.kafka.libsDir, { recursive: true });
    writeFileSync(join(paths.kafka.libsDir, 'kafka_2.13-4.4.0.jar'), '');
    const hash = createHash('sha256').update(readFileSync(paths.kafka.pom)).digest('hex');
    writeFileSync(paths.kafka.pomHashFile, `${hash}\n`);
    const log = jest.fn();

    await expect(ensureKafkaJars(paths, log)).resolves.toBe('cached');
    expect(log).not.toHaveBeenCalled();
  });
});
