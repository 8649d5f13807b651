/** Both directions of a difference between two key lists. */
export interface KeyChanges {
  /** In `after`, not in `before`, in the order of `after`. */
  readonly added: string[];
  /** In `before`, not in `after`, in the order of `before`. */
  readonly removed: string[];
}

const ascending = (keys: readonly string[]): boolean => {
  for (let i = 1; i < keys.length; i++) if (!(keys[i - 1] < keys[i])) return false;
  return true;
};

/** `keys` not in `others`, in order (any order, duplicates allowed). */
const without = (keys: readonly string[], others: readonly string[]): string[] => {
  const excluded = new Set(others);
  return keys.filter((key) => !excluded.has(key));
};

/**
 * What changed between two blocker key lists. Both are normally sorted without duplicates
 * (`blockerKeysOf`), so one merge walk finds both directions: a launch may have a thousand blockers and
 * every event asks, and hashing two thousand fresh strings into Sets cost more than comparing them in
 * order. Lists that are not strictly ascending (a state stored by other code) take the Set path.
 */
export function keyChanges(before: readonly string[], after: readonly string[]): KeyChanges {
  if (!ascending(before) || !ascending(after))
    return { added: without(after, before), removed: without(before, after) };
  const added: string[] = [];
  const removed: string[] = [];
  let b = 0;
  let a = 0;
  while (b < before.length && a < after.length) {
    if (before[b] === after[a]) {
      b++;
      a++;
    } else if (before[b] < after[a]) removed.push(before[b++]);
    else added.push(after[a++]);
  }
  while (b < before.length) removed.push(before[b++]);
  while (a < after.length) added.push(after[a++]);
  return { added, removed };
}
