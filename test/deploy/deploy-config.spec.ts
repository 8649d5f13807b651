/**
 * The deployment artifacts (docker-compose.yml, deploy/docker, deploy/k8s/base) checked against the
 * code they run: no Docker or cluster needed. The environment each app reads is derived from the
 * source its main.ts loads (process.env reads and zod env schemas), never listed by hand here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { allTopicSpecs, TOPIC_PARTITIONS } from '@tminus/contracts';
import { PRODUCTION_NODE_FLAGS } from '../../apps/embedded/src/client/embedded-process';
import {
  APPS,
  appCode,
  declaresGetRoute,
  defaultPorts,
  EMBEDDED,
  type AppCode,
  type AppSpec,
  type Runnable,
} from './support/app-code';
import {
  commandText,
  composeEnvironment,
  dependsOn,
  hasHealthcheck,
  healthcheckUrl,
  loadCompose,
  topicsCreatedBy,
} from './support/compose-file';
import {
  dockerignoreMatcher,
  effectiveInstructions,
  envOf,
  execForm,
  last,
  loadDockerfile,
  stage,
} from './support/docker-files';
import {
  containerEnvNames,
  containerEnvValue,
  find,
  isOptionalRef,
  K8S_BASE,
  kustomizationResources,
  loadBase,
  loadObjects,
  probePort,
  type Container,
  type K8sObject,
  type Workload,
} from './support/k8s-manifests';

const ROOT = resolve(__dirname, '..', '..');
const packageScripts = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
).scripts;
const compose = loadCompose(ROOT);
const stages = loadDockerfile(ROOT);
const k8s = loadBase(ROOT);
const exampleSecrets = loadObjects(ROOT, 'secrets.example.yaml');
const contractTopics = new Map(allTopicSpecs().map((spec) => [spec.name, spec.partitions]));

const codeCache = new Map<string, AppCode>();
const codeOf = (app: Runnable): AppCode => {
  const cached = codeCache.get(app.entry) ?? appCode(ROOT, app);
  codeCache.set(app.entry, cached);
  return cached;
};
const readNames = (app: Runnable): string[] => codeOf(app).envReads.map((read) => read.name);
const requiredNames = (app: Runnable): readonly string[] => codeOf(app).requiredEnv;

/**
 * Names configured but never read (typos, leftovers), and names required but not surely set: a
 * pass-through without a value or an optional Secret key does not count for a required variable.
 */
function envMismatch(
  app: Runnable,
  configured: readonly string[],
  surelySet: readonly string[] = configured,
) {
  return {
    unknown: configured.filter((name) => !readNames(app).includes(name)).sort(),
    missing: requiredNames(app).filter((name) => !surelySet.includes(name)),
  };
}

const composeSurelySet = (env: ReadonlyMap<string, string | null>): string[] =>
  [...env.entries()].filter(([, value]) => value !== null && value !== '').map(([name]) => name);

const RUNNABLES: readonly Runnable[] = [...APPS, EMBEDDED];

describe('the code each app runs', () => {
  it.each(RUNNABLES)('$name serves GET /health, /health/ready, /health/live and /metrics', (app) => {
    expect(declaresGetRoute(codeOf(app), '/health')).toBe(true);
    expect(declaresGetRoute(codeOf(app), '/health/ready')).toBe(true);
    expect(declaresGetRoute(codeOf(app), '/health/live')).toBe(true);
    expect(declaresGetRoute(codeOf(app), '/metrics')).toBe(true);
  });

  it.each(RUNNABLES)('$name falls back to its conventional port $port', (app) => {
    expect(defaultPorts(codeOf(app))).toEqual([app.port]);
  });

  it.each(APPS)('$name reads KAFKA_BROKERS and DATABASE_URL and requires both', (app) => {
    // The artifacts are built around these two; if an app stops requiring them, revisit the artifacts.
    expect(requiredNames(app)).toEqual(expect.arrayContaining(['DATABASE_URL', 'KAFKA_BROKERS']));
  });
});

describe('docker-compose.yml', () => {
  const services = compose.services;

  describe.each(APPS)('$name', (app) => {
    const service = services[app.name];
    const env = composeEnvironment(service);

    it('sets only variables the code reads, and every one it requires', () => {
      expect(envMismatch(app, [...env.keys()], composeSurelySet(env))).toEqual({ unknown: [], missing: [] });
    });

    it('connects to the kafka service and to its own database', () => {
      expect(env.get('KAFKA_BROKERS')).toBe('kafka:9092');
      expect(env.get('DATABASE_URL')).toMatch(new RegExp(`^postgres://[^@]+@postgres:5432/${app.database}$`));
    });

    it('listens on its port and its healthcheck fetches /health there', () => {
      expect(env.get('PORT')).toBe(String(app.port));
      const url = healthcheckUrl(service);
      expect({ port: url?.port, path: url?.pathname }).toEqual({ port: String(app.port), path: '/health' });
    });

    it('is built from its own Dockerfile target', () => {
      expect(service.build).toEqual({
        context: '.',
        dockerfile: 'deploy/docker/Dockerfile',
        target: app.name,
      });
    });

    it('waits for a healthy kafka and postgres, and for topics-init to have finished', () => {
      const deps = dependsOn(service);
      expect({
        kafka: deps.get('kafka'),
        postgres: deps.get('postgres'),
        'topics-init': deps.get('topics-init'),
      }).toEqual({
        kafka: 'service_healthy',
        postgres: 'service_healthy',
        'topics-init': 'service_completed_successfully',
      });
    });
  });

  describe('embedded (profile)', () => {
    const service = services.embedded;

    it('sets only variables the embedded entry reads, and every one it requires', () => {
      const env = composeEnvironment(service);
      expect(envMismatch(EMBEDDED, [...env.keys()], composeSurelySet(env))).toEqual({
        unknown: [],
        missing: [],
      });
    });

    it('runs on its own: a profile, no Kafka or PostgreSQL, its data in a volume, /health on its port', () => {
      expect(service.profiles).toEqual(['embedded']);
      expect(service.depends_on).toBeUndefined();
      expect(service.build?.target).toBe('embedded');
      expect(composeEnvironment(service).get('PORT')).toBe(String(EMBEDDED.port));
      expect(service.volumes).toEqual([
        `embedded-data:${composeEnvironment(service).get('TMINUS_DATA_DIR')}`,
      ]);
      expect(healthcheckUrl(service)?.href).toBe(`http://127.0.0.1:${EMBEDDED.port}/health`);
    });
  });

  it('gives the gateway a stable instance id (its consumer group) and publishes it on 4000', () => {
    expect(composeEnvironment(services.gateway).get('GATEWAY_INSTANCE_ID')).toMatch(/^\S+$/);
    expect(services.gateway.ports).toEqual(['4000:4000']);
  });

  it('advertises the listener the apps connect to', () => {
    const kafkaEnv = composeEnvironment(services.kafka);
    expect(kafkaEnv.get('KAFKA_ADVERTISED_LISTENERS')?.split(',')).toContain('INTERNAL://kafka:9092');
    expect(kafkaEnv.get('KAFKA_AUTO_CREATE_TOPICS_ENABLE')).toBe('false');
    expect(services['topics-init'].image).toBe(services.kafka.image);
  });

  it('topics-init creates exactly the contract topics, with their partition counts', () => {
    const created = topicsCreatedBy(commandText(services['topics-init']));
    expect(Object.fromEntries(created)).toEqual(Object.fromEntries(contractTopics));
    expect(commandText(services['topics-init'])).toContain('--if-not-exists');
  });

  it('every long-running service has a healthcheck; one-shot services do not restart', () => {
    const longRunning = Object.entries(services).filter(([, service]) => service.restart !== 'no');
    expect(longRunning.filter(([, service]) => !hasHealthcheck(service)).map(([name]) => name)).toEqual([]);
    expect(services['topics-init'].restart).toBe('no');
  });

  it('every dependency waits for health (or, for a one-shot, for its successful end)', () => {
    const wrong: string[] = [];
    for (const [name, service] of Object.entries(services)) {
      for (const [dependency, condition] of dependsOn(service)) {
        const target = services[dependency];
        const expected = hasHealthcheck(target)
          ? 'service_healthy'
          : target.restart === 'no'
            ? 'service_completed_successfully'
            : 'a healthcheck on the dependency';
        if (condition !== expected)
          wrong.push(`${name} -> ${dependency}: ${condition}, expected ${expected}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('creates every app database in PostgreSQL on first start', () => {
    const sql = readFileSync(join(ROOT, 'deploy', 'docker', 'postgres-init.sql'), 'utf8');
    const created = [...sql.matchAll(/^CREATE DATABASE (\w+);/gm)].map((match) => match[1]);
    expect(created.sort()).toEqual(APPS.map((app) => app.database).sort());
    expect(services.postgres.volumes).toContain(
      './deploy/docker/postgres-init.sql:/docker-entrypoint-initdb.d/10-tminus-databases.sql:ro',
    );
    expect(services.postgres.image).toMatch(/^postgres:16\b/);
  });
});

describe('deploy/docker/Dockerfile', () => {
  it('compiles native modules in a deps stage and runs on node:20-bookworm-slim as a non-root user', () => {
    const deps = stage(stages, 'deps');
    const runs = deps.instructions.filter((instruction) => instruction.keyword === 'RUN').map((i) => i.args);
    expect(runs.join('\n')).toMatch(/apt-get install[^\n]*\bpython3\b[^\n]*\bmake\b[^\n]*\bg\+\+/);
    expect(runs.join('\n')).toMatch(/\bnpm ci\b/);
    expect(stage(stages, 'app').from).toBe('node:20-bookworm-slim');
    expect(last(effectiveInstructions(stages, 'app'), 'USER')).toBe('node');
  });

  it('runs the built JavaScript with production dependencies only', () => {
    const commands = (name: string) =>
      stage(stages, name)
        .instructions.filter((instruction) => instruction.keyword === 'RUN')
        .map((instruction) => instruction.args)
        .join('\n');
    expect(stage(stages, 'build').from).toBe('deps');
    expect(commands('build')).toMatch(/\bnpm run build\b/);
    expect(stage(stages, 'prod-deps').from).toBe('deps');
    expect(commands('prod-deps')).toMatch(/\bnpm prune --omit=dev\b/);
    const copies = effectiveInstructions(stages, 'app')
      .filter((instruction) => instruction.keyword === 'COPY')
      .map((instruction) => instruction.args);
    expect(copies).toContain('--from=prod-deps /app/node_modules ./node_modules');
    expect(copies).toContain('--from=build /app/dist ./dist');
    // Nothing in the runtime stage compiles TypeScript.
    expect(copies.some((args) => /(^|\s)(apps|libs|tsconfig\.json)(\s|$)/.test(args))).toBe(false);
  });

  it('listens on every interface inside the container (the apps default to loopback)', () => {
    expect(envOf(effectiveInstructions(stages, 'app')).get('HOST')).toBe('0.0.0.0');
  });

  it.each(RUNNABLES)('target $name starts its built main.js on its port and probes /health', (app) => {
    const instructions = effectiveInstructions(stages, app.name);
    const command = ['node', ...PRODUCTION_NODE_FLAGS, `dist/${app.entry.replace(/\.ts$/, '.js')}`];
    expect(execForm(last(instructions, 'CMD') ?? '')).toEqual(command);
    // `npm start` (embedded) and `npm run start:<app>` run the very same command as the image.
    const script = app.name === 'embedded' ? 'start' : `start:${app.name}`;
    expect(packageScripts[script]).toBe(command.join(' '));
    expect(codeOf(app).files).toContain(app.entry);
    expect(envOf(instructions).get('PORT')).toBe(String(app.port));
    expect(last(instructions, 'EXPOSE')).toBe(String(app.port));
    expect(last(instructions, 'HEALTHCHECK')).toMatch(/\+process\.env\.PORT\+'\/health'/);
  });

  it('has a CLI target that installs the packed @tminus/cli alone and runs tminus', () => {
    const instructions = effectiveInstructions(stages, 'cli');
    // Node and the package only: none of the server's node_modules or dist/.
    expect(stage(stages, 'cli').from).toBe('node:20-bookworm-slim');
    const runs = (name: string) =>
      stage(stages, name)
        .instructions.filter((instruction) => instruction.keyword === 'RUN')
        .map((instruction) => instruction.args)
        .join('\n');
    expect(runs('cli-pack')).toMatch(/\bnpm run cli:pack\b/);
    expect(runs('cli')).toMatch(/npm install -g --offline .*tminus-cli-\*\.tgz/);
    expect(execForm(last(instructions, 'ENTRYPOINT') ?? '')).toEqual(['tminus']);
    expect(last(instructions, 'USER')).toBe('node');
  });

  it('puts the packed CLI where the gateway serves it from (GET /cli/tminus-cli.tgz)', () => {
    const copies = effectiveInstructions(stages, 'gateway')
      .filter((instruction) => instruction.keyword === 'COPY')
      .map((instruction) => instruction.args);
    expect(copies).toContain('--from=cli-pack /app/apps/cli/dist/*.tgz ./apps/cli/dist/');
  });

  it('compiles every file the apps load, and .dockerignore keeps none of them out', () => {
    const ignored = dockerignoreMatcher(readFileSync(join(ROOT, '.dockerignore'), 'utf8'));
    const copied = effectiveInstructions(stages, 'build')
      .filter((instruction) => instruction.keyword === 'COPY' && !instruction.args.startsWith('--from'))
      .flatMap((instruction) => instruction.args.split(/\s+/).slice(0, -1));
    const needed = [
      ...new Set(RUNNABLES.flatMap((app) => codeOf(app).files)),
      'package.json',
      'tsconfig.json',
      'scripts/build/build.ts',
    ];
    const notCopied = needed.filter(
      (file) => !copied.some((source) => file === source || file.startsWith(`${source}/`)),
    );
    expect(notCopied).toEqual([]);
    expect(needed.filter(ignored)).toEqual([]);
    expect(
      ['package-lock.json', '.swcrc', 'bin/tminus.js', 'scripts/projections-rebuild.ts'].filter(ignored),
    ).toEqual([]);
    // The host's node_modules (native modules built for another libc) and local state never go in.
    expect(
      [
        'node_modules/pg/package.json',
        '.git/HEAD',
        '.infra/kafka/x',
        'data/admin.token',
        '.env',
        'dist/x.js',
      ].every(ignored),
    ).toBe(true);
  });
});

describe('deploy/k8s/base', () => {
  const workloadOf = (app: AppSpec): Workload =>
    find(k8s, app.workloadKind, `tminus-${app.name}`) as Workload;
  const containerOf = (app: AppSpec): Container => {
    const containers = workloadOf(app).spec.template.spec.containers;
    expect(containers).toHaveLength(1);
    return containers[0];
  };

  it('lists every manifest in its kustomization (the example Secrets excepted)', () => {
    const manifests = readdirSync(join(ROOT, K8S_BASE)).filter((file) => /\.ya?ml$/.test(file));
    const expected = manifests.filter(
      (file) => file !== 'kustomization.yaml' && file !== 'secrets.example.yaml',
    );
    expect([...kustomizationResources(ROOT)].sort()).toEqual(expected.sort());
  });

  describe.each(APPS)('$name', (app) => {
    it('sets only variables the code reads, and every one it requires', () => {
      const container = containerOf(app);
      const configured = containerEnvNames(container, k8s, exampleSecrets);
      const surelySet = configured.filter((name) => !isOptionalRef(container, name));
      expect(envMismatch(app, configured, surelySet)).toEqual({
        unknown: [],
        missing: [],
      });
    });

    it('listens on its port, and its Service forwards to it', () => {
      const container = containerOf(app);
      expect(containerEnvValue(container, k8s, 'PORT')).toBe(String(app.port));
      expect(container.ports).toEqual([{ name: 'http', containerPort: app.port }]);
      const service = find(k8s, 'Service', `tminus-${app.name}`) as K8sObject & {
        spec: { ports: Array<{ port: number; targetPort: string | number }> };
      };
      expect(service.spec.ports).toEqual([{ name: 'http', port: app.port, targetPort: 'http' }]);
    });

    it('has startup and readiness probes on GET /health/ready and liveness on GET /health/live at that port', () => {
      const container = containerOf(app);
      const probes = [container.startupProbe, container.readinessProbe, container.livenessProbe];
      expect(probes.map((probe) => [probe?.httpGet?.path, probePort(container, probe)])).toEqual([
        ['/health/ready', app.port],
        ['/health/ready', app.port],
        ['/health/live', app.port],
      ]);
    });

    it('requests and limits CPU and memory', () => {
      const { resources } = containerOf(app);
      expect(Object.keys(resources?.requests ?? {}).sort()).toEqual(['cpu', 'memory']);
      expect(Object.keys(resources?.limits ?? {}).sort()).toEqual(['cpu', 'memory']);
    });

    it('takes DATABASE_URL from a Secret pointing at its own database', () => {
      const ref = containerOf(app).env?.find((variable) => variable.name === 'DATABASE_URL')?.valueFrom
        ?.secretKeyRef;
      expect(ref).toBeTruthy();
      const secret = find(exampleSecrets, 'Secret', ref?.name ?? '');
      expect(secret.stringData?.[ref?.key ?? '']).toMatch(new RegExp(`^postgres://.+/${app.database}$`));
    });

    it('runs the image of its own Dockerfile target, tagged by the kustomization', () => {
      expect(containerOf(app).image).toBe(`tminus/${app.name}`);
      const kustomization = readFileSync(join(ROOT, K8S_BASE, 'kustomization.yaml'), 'utf8');
      expect(kustomization).toContain(`- name: tminus/${app.name}\n`);
    });
  });

  it('reads every secret key from a Secret the example defines', () => {
    const refs = APPS.flatMap((app) => containerOf(app).env ?? []).flatMap((variable) =>
      variable.valueFrom?.secretKeyRef ? [variable.valueFrom.secretKeyRef] : [],
    );
    const undefinedRefs = refs.filter((ref) => {
      const secret = exampleSecrets.find(
        (object) => object.kind === 'Secret' && object.metadata.name === ref.name,
      );
      return secret?.stringData?.[ref.key] === undefined;
    });
    expect(refs.length).toBeGreaterThan(APPS.length - 1);
    expect(undefinedRefs).toEqual([]);
  });

  it.each(APPS.filter((app) => app.commandTopic))(
    '$name runs no more replicas than its command topic has partitions',
    (app) => {
      const replicas = workloadOf(app).spec.replicas ?? 1;
      expect(replicas).toBeLessThanOrEqual(
        TOPIC_PARTITIONS[app.commandTopic as keyof typeof TOPIC_PARTITIONS],
      );
      expect(replicas).toBeGreaterThanOrEqual(2);
    },
  );

  it('names each gateway instance after its pod and lets a HorizontalPodAutoscaler size it', () => {
    const gateway = APPS.find((app) => app.name === 'gateway') as AppSpec;
    const instanceId = containerOf(gateway).env?.find((variable) => variable.name === 'GATEWAY_INSTANCE_ID');
    expect(instanceId?.valueFrom?.fieldRef?.fieldPath).toBe('metadata.name');
    expect(workloadOf(gateway).spec.replicas).toBeUndefined();
    const hpa = find(k8s, 'HorizontalPodAutoscaler', 'tminus-gateway') as K8sObject & {
      spec: { scaleTargetRef: { kind: string; name: string }; minReplicas: number; maxReplicas: number };
    };
    expect(hpa.spec.scaleTargetRef).toEqual({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      name: 'tminus-gateway',
    });
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
    expect(hpa.spec.maxReplicas).toBeGreaterThan(hpa.spec.minReplicas);
  });

  it('declares a KafkaTopic for every contract topic, with its partition count and 3 replicas', () => {
    const topics = k8s.filter((object) => object.kind === 'KafkaTopic') as Array<
      K8sObject & { spec: { topicName: string; partitions: number; replicas: number } }
    >;
    expect(Object.fromEntries(topics.map((topic) => [topic.spec.topicName, topic.spec.partitions]))).toEqual(
      Object.fromEntries(contractTopics),
    );
    expect(topics).toHaveLength(contractTopics.size);
    // Strimzi 1.0 serves only the v1 API (0.49 introduced it).
    expect([...new Set(topics.map((topic) => topic.apiVersion))]).toEqual(['kafka.strimzi.io/v1']);
    expect(
      topics.filter((topic) => topic.spec.replicas !== 3 || topic.metadata.name !== topic.spec.topicName),
    ).toEqual([]);
  });

  it('puts the topics in the Kafka cluster the apps connect to', () => {
    const brokers = find(k8s, 'ConfigMap', 'tminus-common').data?.KAFKA_BROKERS ?? '';
    const clusters = new Set(
      k8s
        .filter((object) => object.kind === 'KafkaTopic')
        .map((topic) => topic.metadata.labels?.['strimzi.io/cluster']),
    );
    expect([...clusters]).toHaveLength(1);
    // Strimzi names the bootstrap Service <cluster>-kafka-bootstrap.
    expect(brokers).toBe(`${[...clusters][0]}-kafka-bootstrap:9092`);
  });
});
