import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface DockerInstruction {
  readonly keyword: string;
  readonly args: string;
}

export interface DockerStage {
  readonly name: string | null;
  readonly from: string;
  readonly instructions: readonly DockerInstruction[];
}

export const DOCKERFILE = join('deploy', 'docker', 'Dockerfile');

/** The stages of a Dockerfile, each with its instructions (line continuations joined, comments dropped). */
export function parseDockerfile(text: string): DockerStage[] {
  const logical = text
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  const stages: Array<{ name: string | null; from: string; instructions: DockerInstruction[] }> = [];
  // ARGs before the first FROM may be used in FROM lines: `ARG NODE_IMAGE=node:20` ... `FROM ${NODE_IMAGE}`.
  const globalArgs = new Map<string, string>();
  for (const line of logical) {
    const [, keyword, args] = /^(\S+)\s*(.*)$/.exec(line) as RegExpExecArray;
    const upper = keyword.toUpperCase();
    if (upper === 'FROM') {
      const [, image, name] = /^(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args) as RegExpExecArray;
      const from = image.replace(/\$\{?(\w+)\}?/g, (whole, arg: string) => globalArgs.get(arg) ?? whole);
      stages.push({ name: name ?? null, from, instructions: [] });
    } else if (stages.length === 0 && upper === 'ARG') {
      const [, arg, value] = /^(\w+)(?:=(\S*))?$/.exec(args) ?? [];
      if (arg && value !== undefined) globalArgs.set(arg, value);
    } else if (stages.length > 0) {
      stages[stages.length - 1].instructions.push({ keyword: upper, args });
    }
  }
  return stages;
}

export const loadDockerfile = (root: string): DockerStage[] =>
  parseDockerfile(readFileSync(join(root, DOCKERFILE), 'utf8'));

export function stage(stages: readonly DockerStage[], name: string): DockerStage {
  const found = stages.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`${DOCKERFILE} has no stage ${name}`);
  return found;
}

/** The instructions of a stage and of the stages it is built FROM, nearest last (as Docker applies them). */
export function effectiveInstructions(stages: readonly DockerStage[], name: string): DockerInstruction[] {
  const own = stage(stages, name);
  const parent = stages.find((candidate) => candidate.name === own.from);
  return [...(parent?.name ? effectiveInstructions(stages, parent.name) : []), ...own.instructions];
}

/** The last value of an instruction that later ones override (CMD, USER, HEALTHCHECK). */
export function last(instructions: readonly DockerInstruction[], keyword: string): string | undefined {
  return instructions.filter((instruction) => instruction.keyword === keyword).at(-1)?.args;
}

/** `ENV A=1 B=2` instructions as a map, later ones winning. */
export function envOf(instructions: readonly DockerInstruction[]): Map<string, string> {
  const env = new Map<string, string>();
  for (const { args } of instructions.filter((instruction) => instruction.keyword === 'ENV')) {
    for (const match of args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|\S+)/g)) {
      env.set(match[1], match[2].replace(/^"|"$/g, ''));
    }
  }
  return env;
}

/** A JSON-form (exec) instruction's argument list; null for the shell form. */
export function execForm(args: string): string[] | null {
  try {
    const parsed = JSON.parse(args) as unknown;
    return Array.isArray(parsed) && parsed.every((part) => typeof part === 'string') ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * A .dockerignore as a predicate on context-relative paths. Covers what the file uses: `*`, `?`,
 * `**`, and a pattern naming a directory excludes everything under it. `!` exceptions are refused
 * rather than half-supported.
 */
export function dockerignoreMatcher(text: string): (path: string) => boolean {
  const patterns = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'));
  if (patterns.some((pattern) => pattern.startsWith('!')))
    throw new Error('! patterns are not supported here');
  const regexes = patterns.map(
    (pattern) => new RegExp(`^${globToRegex(pattern.replace(/^\/+|\/+$/g, ''))}(/.*)?$`),
  );
  return (path) => regexes.some((regex) => regex.test(path));
}

function globToRegex(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i];
    if (glob.startsWith('**/', i)) {
      out += '(?:.*/)?';
      i += 2;
    } else if (glob.startsWith('**', i)) {
      out += '.*';
      i += 1;
    } else if (char === '*') out += '[^/]*';
    else if (char === '?') out += '[^/]';
    else out += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return out;
}
