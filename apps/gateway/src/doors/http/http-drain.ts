import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Server as NetServer } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';

/** How long idle keep-alive connections get, once nothing is in flight, to take a last request. */
const IDLE_GRACE_MS = 200;

/**
 * Graceful stop of the HTTP server: stop listening (new connections are refused, so a client knows
 * nothing was applied), let the requests in flight finish (a mutation waits for its command's outcome),
 * answer meanwhile with `Connection: close`, and end with the idle connections: at most `timeoutMs`,
 * after which what is left is cut. Node's own `server.close()` closes idle keep-alive connections at
 * once, and a client sending on one of them that moment gets a reset: the race this avoids.
 */
export class HttpDrain {
  private active = 0;
  private draining = false;
  private readonly whenIdle = new Set<() => void>();

  /** Express middleware counting requests in flight; while draining, answers say `Connection: close`. */
  readonly middleware = (_request: IncomingMessage, response: ServerResponse, next: () => void): void => {
    this.active++;
    if (this.draining) response.setHeader('Connection', 'close');
    response.once('close', () => {
      this.active--;
      if (this.active === 0) for (const resolve of [...this.whenIdle]) resolve();
    });
    next();
  };

  get inFlight(): number {
    return this.active;
  }

  /** Stops accepting, then waits for the requests in flight; false when `timeoutMs` cut some. */
  async drain(server: Server, timeoutMs: number): Promise<boolean> {
    this.draining = true;
    const abort = new AbortController();
    let allClosed = false;
    // net.Server's close: stop listening, without http.Server's immediate closing of idle connections.
    NetServer.prototype.close.call(server, () => (allClosed = true));
    const deadline = delay(timeoutMs, false, { signal: abort.signal }).catch(() => false);
    try {
      while (!allClosed) {
        if (this.active > 0 && !(await Promise.race([this.idle(), deadline]))) {
          server.closeAllConnections();
          return false;
        }
        await delay(IDLE_GRACE_MS, undefined, { signal: abort.signal });
        if (this.active === 0) break;
      }
      server.closeIdleConnections();
      return true;
    } finally {
      abort.abort();
    }
  }

  private idle(): Promise<true> {
    return new Promise((resolve) => {
      if (this.active === 0) return resolve(true);
      const done = () => {
        this.whenIdle.delete(done);
        resolve(true);
      };
      this.whenIdle.add(done);
    });
  }
}
