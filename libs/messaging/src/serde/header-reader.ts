import { parseRfc3339, ROLES, type Actor } from '@tminus/contracts';

const ACTOR_ROLES: ReadonlySet<string> = new Set([...ROLES, 'SYSTEM']);

/**
 * Reads typed values from string headers and collects every problem instead of stopping at the
 * first, so a dead-lettered message says everything that is wrong with it.
 */
export class HeaderReader {
  readonly problems: string[] = [];

  constructor(private readonly headers: Readonly<Record<string, string>>) {}

  required(name: string): string {
    const value = this.headers[name];
    if (value === undefined || value === '') this.problems.push(`header ${name} is missing`);
    return value ?? '';
  }

  optional(name: string): string | undefined {
    const value = this.headers[name];
    return value === undefined || value === '' ? undefined : value;
  }

  /** Must equal `expected` exactly. */
  exactly(name: string, expected: string): void {
    const value = this.headers[name];
    if (value === undefined) this.problems.push(`header ${name} is missing`);
    else if (value !== expected) this.problems.push(`header ${name} is "${value}", expected "${expected}"`);
  }

  timestamp(name: string): string {
    const value = this.required(name);
    // CloudEvents `time` is RFC 3339: checked by the one strict parser (Date.parse rolls 02-30 over).
    const parsed = value === '' ? undefined : parseRfc3339(value);
    if (parsed && !parsed.ok) {
      this.problems.push(`header ${name} "${value}" is not an RFC 3339 timestamp: ${parsed.reason}`);
    }
    return value;
  }

  integer(name: string, min: number): number {
    const value = this.required(name);
    if (value === '') return 0;
    const parsed = Number(value);
    if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(parsed) || parsed < min) {
      this.problems.push(`header ${name} "${value}" is not an integer >= ${min}`);
      return 0;
    }
    return parsed;
  }

  optionalBoolean(name: string): boolean | undefined {
    const value = this.optional(name);
    if (value === undefined) return undefined;
    if (value === 'true' || value === 'false') return value === 'true';
    this.problems.push(`header ${name} "${value}" is not true or false`);
    return undefined;
  }

  optionalActor(name: string): Actor | undefined {
    const value = this.optional(name);
    return value === undefined ? undefined : this.parseActor(name, value);
  }

  requiredActor(name: string): Actor {
    const value = this.required(name);
    return (value === '' ? undefined : this.parseActor(name, value)) ?? { userId: '', role: 'SYSTEM' };
  }

  private parseActor(name: string, value: string): Actor | undefined {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      this.problems.push(`header ${name} is not JSON`);
      return undefined;
    }
    if (isActor(parsed)) return { userId: parsed.userId, role: parsed.role };
    this.problems.push(`header ${name} is not an actor ({ userId, role: ${[...ACTOR_ROLES].join('|')} })`);
    return undefined;
  }
}

function isActor(value: unknown): value is Actor {
  if (typeof value !== 'object' || value === null) return false;
  const { userId, role } = value as Record<string, unknown>;
  return typeof userId === 'string' && userId !== '' && typeof role === 'string' && ACTOR_ROLES.has(role);
}
