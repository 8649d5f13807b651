/** Which scenarios a command line names (case-insensitive ids); none named means all. */
export function selectScenarios<S extends { readonly id: string }>(
  known: readonly S[],
  names: readonly string[],
): { scenarios: S[]; all: boolean } | { unknown: string[] } {
  if (names.length === 0) return { scenarios: [...known], all: true };
  const byId = new Map(known.map((s) => [s.id.toLowerCase(), s]));
  const unknown = names.filter((name) => !byId.has(name.toLowerCase()));
  if (unknown.length > 0) return { unknown };
  const wanted = new Set(names.map((name) => name.toLowerCase()));
  return {
    scenarios: known.filter((s) => wanted.has(s.id.toLowerCase())),
    all: wanted.size === known.length,
  };
}
