import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** The parts of a compose service these checks read (compose-spec names). */
export interface ComposeService {
  readonly image?: string;
  readonly build?: { readonly context?: string; readonly dockerfile?: string; readonly target?: string };
  readonly environment?: Record<string, string | number | boolean | null> | string[];
  readonly depends_on?: Record<string, { readonly condition?: string }> | string[];
  readonly healthcheck?: { readonly test?: string | string[]; readonly disable?: boolean };
  readonly restart?: string;
  readonly profiles?: string[];
  readonly entrypoint?: string | string[];
  readonly command?: string | string[];
  readonly ports?: string[];
  readonly volumes?: string[];
}

export interface ComposeFile {
  readonly services: Record<string, ComposeService>;
  readonly volumes?: Record<string, unknown>;
}

export function loadCompose(root: string): ComposeFile {
  // merge: the file shares blocks with YAML anchors and `<<` merge keys, as compose resolves them.
  const parsed = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as unknown;
  if (typeof parsed !== 'object' || parsed === null || !('services' in parsed)) {
    throw new Error('docker-compose.yml has no services');
  }
  return parsed as ComposeFile;
}

/**
 * A service's environment as a map. A name without a value (`KEY:` or `- KEY`) is passed through
 * from the shell when set there: it maps to null.
 */
export function composeEnvironment(service: ComposeService): Map<string, string | null> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return new Map(
      env.map((entry) => {
        const at = entry.indexOf('=');
        return at < 0 ? [entry, null] : [entry.slice(0, at), entry.slice(at + 1)];
      }),
    );
  }
  return new Map(Object.entries(env).map(([name, value]) => [name, value === null ? null : String(value)]));
}

export function dependsOn(service: ComposeService): Map<string, string> {
  const deps = service.depends_on ?? {};
  if (Array.isArray(deps)) return new Map(deps.map((name) => [name, 'service_started']));
  return new Map(Object.entries(deps).map(([name, dep]) => [name, dep.condition ?? 'service_started']));
}

export const hasHealthcheck = (service: ComposeService): boolean =>
  service.healthcheck !== undefined &&
  service.healthcheck.disable !== true &&
  service.healthcheck.test !== undefined;

/** The shell text a service runs (entrypoint + command), for checks on what it does. */
export function commandText(service: ComposeService): string {
  const part = (value: string | string[] | undefined): string =>
    Array.isArray(value) ? value.join(' ') : (value ?? '');
  return `${part(service.entrypoint)} ${part(service.command)}`;
}

/** `--topic NAME --partitions N` pairs of kafka-topics.sh calls. */
export function topicsCreatedBy(text: string): Map<string, number> {
  const topics = new Map<string, number>();
  for (const match of text.matchAll(/--topic\s+(\S+)\s+--partitions\s+(\d+)/g)) {
    if (topics.has(match[1])) throw new Error(`topic ${match[1]} is created twice`);
    topics.set(match[1], Number(match[2]));
  }
  return topics;
}

/**
 * The URL a healthcheck fetches, e.g. http://127.0.0.1:4101/health. A port spliced in from the
 * container's environment (`'+process.env.PORT+'`) is resolved with the service's own environment.
 */
export function healthcheckUrl(service: ComposeService): URL | null {
  const test = service.healthcheck?.test;
  const env = composeEnvironment(service);
  let unresolved = false;
  const text = (Array.isArray(test) ? test.join(' ') : (test ?? '')).replace(
    /'\s*\+\s*process\.env\.([A-Z_]+)\s*\+\s*'/g,
    (_whole, name: string) => {
      const value = env.get(name);
      if (value == null) unresolved = true;
      return value ?? '';
    },
  );
  const match = /https?:\/\/[^\s'"`)]+/.exec(text);
  return match && !unresolved ? new URL(match[0]) : null;
}
