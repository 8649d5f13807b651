/** Waits until `check` returns a value (not undefined/null/false), polling; fails after `timeoutMs`. */
export async function eventually<Value>(
  check: () => Promise<Value | null | undefined | false> | Value | null | undefined | false,
  what: string,
  timeoutMs = 20_000,
): Promise<Value> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== null && value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
