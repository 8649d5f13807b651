import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Topics, type TopicName } from '@tminus/contracts';
import { envReadsOf, mergeReads, type EnvRead } from './env-reads';
import { reachableSources } from './source-graph';

/** Something the image can run: its compose service and Dockerfile target carry its name. */
export interface Runnable {
  readonly name: string;
  readonly entry: string;
  /** The HTTP port of /health (runtime conventions). */
  readonly port: number;
  /**
   * The module whose env schema the entry validates at start: its required keys are the ones the
   * artifacts must set. (Other reachable schemas may be exported by a barrel the entry loads but
   * never run, e.g. the service config inside the embedded process.) Several: the gateway's schema
   * extends service-kit's.
   */
  readonly configModules: readonly string[];
}

const SERVICE_CONFIG = 'libs/service-kit/src/config/service-config.ts';

/** One app of the distributed deployment. */
export interface AppSpec extends Runnable {
  readonly name: 'launches' | 'teams' | 'checklists' | 'gateway';
  readonly database: string;
  /** The topic whose partitions bound the useful replicas (services only). */
  readonly commandTopic?: TopicName;
  readonly workloadKind: 'Deployment' | 'StatefulSet';
}

export const APPS: readonly AppSpec[] = [
  {
    name: 'launches',
    entry: 'apps/launches/src/main.ts',
    configModules: [SERVICE_CONFIG],
    port: 4101,
    database: 'tminus_launches',
    commandTopic: Topics.launchesCommands,
    workloadKind: 'Deployment',
  },
  {
    name: 'teams',
    entry: 'apps/teams/src/main.ts',
    configModules: [SERVICE_CONFIG],
    port: 4102,
    database: 'tminus_teams',
    commandTopic: Topics.teamsCommands,
    workloadKind: 'Deployment',
  },
  {
    name: 'checklists',
    entry: 'apps/checklists/src/main.ts',
    configModules: [SERVICE_CONFIG],
    port: 4103,
    database: 'tminus_checklists',
    commandTopic: Topics.checklistsCommands,
    workloadKind: 'Deployment',
  },
  // A StatefulSet only for stable pod names, i.e. stable consumer groups (deploy/k8s/base/gateway.yaml).
  {
    name: 'gateway',
    entry: 'apps/gateway/src/main.ts',
    configModules: [SERVICE_CONFIG, 'apps/gateway/src/core/config/gateway-config.ts'],
    port: 4000,
    database: 'tminus_gateway',
    workloadKind: 'StatefulSet',
  },
];

/** `npm start` in a container: the four apps in one process (compose profile `embedded`). */
export const EMBEDDED: Runnable = {
  name: 'embedded',
  entry: 'apps/embedded/src/main.ts',
  configModules: ['apps/embedded/src/config/embedded-config.ts'],
  port: 4000,
};

/** What the code an entry point loads says about running it. */
export interface AppCode {
  readonly files: readonly string[];
  /** Every variable the loaded code mentions (a superset of what one process reads). */
  readonly envReads: readonly EnvRead[];
  /** The variables the entry's env schema requires. */
  readonly requiredEnv: readonly string[];
  /** All of the loaded source, for route and port look-ups. */
  readonly text: string;
}

export function appCode(root: string, app: Runnable): AppCode {
  const files = reachableSources(root, app.entry);
  const missing = app.configModules.filter((module) => !files.includes(module));
  if (missing.length > 0) throw new Error(`${app.entry} does not load ${missing.join(', ')}`);
  const sources = files.map((file) => ({ file, text: readFileSync(join(root, file), 'utf8') }));
  const configReads = mergeReads(
    app.configModules.flatMap((module) => envReadsOf(readFileSync(join(root, module), 'utf8'), module)),
  );
  return {
    files,
    envReads: mergeReads(sources.flatMap(({ file, text }) => envReadsOf(text, file))),
    requiredEnv: configReads.filter((read) => read.required).map((read) => read.name),
    text: sources.map(({ text }) => text).join('\n'),
  };
}

/** HTTP routes the code declares: Nest `@Get('x')` on a controller, or express-style `.get('/x', ...)`. */
export function declaresGetRoute(code: AppCode, path: string): boolean {
  const bare = path.replace(/^\//, '');
  const quoted = `['"\`]/?${bare.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"\`]`;
  return new RegExp(`@Get\\(\\s*${quoted}\\s*\\)|\\.get\\(\\s*${quoted}`).test(code.text);
}

/**
 * Default ports the code falls back to when PORT is unset, in the forms the apps use:
 * `defaultPort: N`, `DEFAULT_PORT = N`, `helper('PORT', N)`.
 */
export function defaultPorts(code: AppCode): number[] {
  const forms = /\bdefaultPort:\s*(\d+)|\bDEFAULT_PORT\s*=\s*(\d+)|\(\s*['"]PORT['"]\s*,\s*(\d+)\s*\)/g;
  const found = [...code.text.matchAll(forms)].map((match) => Number(match[1] ?? match[2] ?? match[3]));
  return [...new Set(found)];
}
