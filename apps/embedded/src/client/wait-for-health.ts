export interface WaitForHealthOptions {
  readonly timeoutMs: number;
  /** Between two probes (default 50 ms): /health is cheap, and a quick answer is the point. */
  readonly intervalMs?: number;
  /** Checked before each probe: give up early (the process died). */
  readonly abortIf?: () => string | undefined;
}

/** Resolves once `GET <baseUrl>/health` answers 200. */
export async function waitForHealth(baseUrl: string, options: WaitForHealthOptions): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let last: string;
  for (;;) {
    const reason = options.abortIf?.();
    if (reason !== undefined) throw new Error(`${baseUrl} will not become healthy: ${reason}`);
    try {
      const response = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
      last = `status ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    if (Date.now() >= deadline)
      throw new Error(`${baseUrl}/health not 200 after ${options.timeoutMs} ms (${last})`);
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 50));
  }
}
