/**
 * Waits until `condition` holds, checking every `intervalMs`: tests wait on an observable state
 * (a message received, a row written), never on a fixed sleep.
 */
export async function eventually(
  condition: () => boolean | Promise<boolean>,
  {
    timeoutMs = 10_000,
    intervalMs = 20,
    what = 'condition',
  }: { timeoutMs?: number; intervalMs?: number; what?: string } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
