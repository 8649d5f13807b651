/** One `name="value"` or `name!="value"` condition of an Alertmanager mapping. */
export interface LabelCondition {
  readonly name: string;
  readonly equal: boolean;
  readonly value: string;
}

export const MAX_MATCH_LENGTH = 500;
const MAX_CONDITIONS = 10;
const CONDITION = /^\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*(=|!=)\s*"((?:[^"\\]|\\.)*)"\s*$/;

/**
 * Parses an Alertmanager label matcher as product.md writes it (`service="checkout"`), with several
 * conditions separated by commas and optional braces (`{service="checkout", env!="staging"}`). Only
 * equality and inequality: a regex matcher from a mapping would run on every alert (ReDoS risk).
 * Null when it does not parse.
 */
export function parseLabelMatcher(match: string): LabelCondition[] | null {
  if (match.length > MAX_MATCH_LENGTH) return null;
  const inner = match.trim().replace(/^\{(.*)\}$/s, '$1');
  const parts = splitOutsideQuotes(inner);
  if (parts.length === 0 || parts.length > MAX_CONDITIONS) return null;
  const conditions: LabelCondition[] = [];
  for (const part of parts) {
    const found = CONDITION.exec(part);
    if (found === null) return null;
    conditions.push({ name: found[1], equal: found[2] === '=', value: found[3].replace(/\\(.)/g, '$1') });
  }
  return conditions.some((condition) => condition.equal) ? conditions : null;
}

/** Whether an alert's labels satisfy every condition (a missing label is the empty string, as in Prometheus). */
export const matchesLabels = (
  conditions: readonly LabelCondition[],
  labels: Readonly<Record<string, string>>,
): boolean =>
  conditions.every((condition) => {
    const value = Object.prototype.hasOwnProperty.call(labels, condition.name) ? labels[condition.name] : '';
    return (value === condition.value) === condition.equal;
  });

function splitOutsideQuotes(input: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < input.length; i++) {
    const char = input[i];
    if (char === '\\' && quoted) {
      current += char + (input[i + 1] ?? '');
      i++;
      continue;
    }
    if (char === '"') quoted = !quoted;
    if (char === ',' && !quoted) {
      parts.push(current);
      current = '';
      continue;
    }
    current += char;
  }
  if (current.trim().length > 0) parts.push(current);
  return parts;
}
