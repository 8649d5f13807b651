import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import { CliError } from '../support/exit-codes';
import { safeField } from '../support/safe-text';
import { configSchema, type Config } from './config-schema';

/** At most this many problems are listed; the rest are counted. */
const MAX_PROBLEMS = 20;
/** A configuration file is small: a bigger one is a mistake (or an attack on the parser). */
export const MAX_CONFIG_BYTES = 2 * 1024 * 1024;

type Path = readonly (string | number)[];

/** `line 7, teams[1].function` from a path into the document. */
function where(doc: Document, lines: LineCounter, path: Path): string {
  // The deepest node that exists (a missing field points at the object that should hold it).
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) {
      const { line, col } = lines.linePos(node.range[0]);
      return `line ${line}:${col}, ${fieldName(path)}`;
    }
  }
  return fieldName(path);
}

const fieldName = (path: Path): string =>
  path.length === 0
    ? '(top level)'
    : path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');

/**
 * Parses and validates a configuration file. Throws one {@link CliError} listing every problem, each
 * naming its line and field (YAML syntax errors, schema violations, duplicate keys), before anything is applied.
 */
export function parseConfig(source: string, fileName: string): Config {
  if (Buffer.byteLength(source) > MAX_CONFIG_BYTES)
    throw new CliError(`${fileName} is larger than ${MAX_CONFIG_BYTES / 1024 / 1024} MiB`);
  const lines = new LineCounter();
  // No custom tags, no aliases expanded past a sane count: the file is data, never code.
  const doc = parseDocument(source, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const problems: string[] = doc.errors.map((error) => {
    const { line, col } = lines.linePos(error.pos[0]);
    return `line ${line}:${col}: ${error.message.split('\n')[0]}`;
  });
  if (problems.length === 0) {
    const data: unknown = doc.toJS({ maxAliasCount: 100 }) ?? {};
    const result = configSchema.safeParse(data);
    if (result.success) {
      problems.push(...duplicates(doc, lines, result.data));
      if (problems.length === 0) return result.data;
    } else {
      problems.push(
        ...result.error.issues.map((issue) => `${where(doc, lines, issue.path as Path)}: ${issue.message}`),
      );
    }
  }
  const shown = problems.slice(0, MAX_PROBLEMS).map((problem) => `  ${safeField(problem)}`);
  if (problems.length > MAX_PROBLEMS) shown.push(`  … and ${problems.length - MAX_PROBLEMS} more`);
  throw new CliError(
    `${safeField(fileName)} is not a valid tminus configuration (nothing was changed):\n${shown.join('\n')}`,
  );
}

/**
 * The same team key, template function, launch key or incident source match twice would apply twice:
 * name both places.
 */
function duplicates(doc: Document, lines: LineCounter, config: Config): string[] {
  const problems: string[] = [];
  const check = (
    section: 'teams' | 'templates' | 'launches' | 'incidentSources',
    field: 'key' | 'function' | 'match',
    values: string[],
  ) => {
    const seen = new Map<string, number>();
    values.forEach((value, index) => {
      const first = seen.get(value);
      if (first === undefined) seen.set(value, index);
      else
        problems.push(
          `${where(doc, lines, [section, index, field])}: "${value}" is already at ${fieldName([section, first])}`,
        );
    });
  };
  check(
    'teams',
    'key',
    (config.teams ?? []).map((team) => team.key),
  );
  check(
    'templates',
    'function',
    (config.templates ?? []).map((template) => template.function),
  );
  check(
    'launches',
    'key',
    (config.launches ?? []).map((launch) => launch.key),
  );
  // A (source, match) feeds one launch: the gateway re-points a match mapped again.
  check(
    'incidentSources',
    'match',
    (config.incidentSources ?? []).map((mapping) => `${mapping.source} ${mapping.match}`),
  );
  return problems;
}
