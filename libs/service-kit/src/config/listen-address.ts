import { z } from 'zod';

/**
 * Where an app listens. Loopback by default: a laptop's `npm start` is not a server for the whole
 * network; the images set HOST=0.0.0.0 (deploy/docker/Dockerfile).
 */
export const DEFAULT_HOST = '127.0.0.1';

/** HOST: an IP address or a host name, no scheme, no port. */
export const hostSetting = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9.:-]{1,253}$/, 'HOST must be an address such as 127.0.0.1, 0.0.0.0 or ::')
  .default(DEFAULT_HOST);

const LISTEN_PROBLEMS: Readonly<Record<string, (where: string) => string>> = {
  EADDRINUSE: (where) => `${where} is already in use: stop what listens there or set PORT to another port`,
  EACCES: (where) => `no permission to listen on ${where}: set PORT to 1024 or higher`,
  EADDRNOTAVAIL: (where) =>
    `${where} is not an address of this machine: set HOST (e.g. 127.0.0.1 or 0.0.0.0)`,
  ENOTFOUND: (where) => `${where}: the host name does not resolve: set HOST (e.g. 127.0.0.1 or 0.0.0.0)`,
};

/**
 * One line for a failed listen (busy port, privileged port, foreign address), naming the setting that
 * fixes it; null when the error is not about listening.
 */
export function describeListenError(error: unknown, host: string, port: number): string | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const describe = code ? LISTEN_PROBLEMS[code] : undefined;
  return describe ? describe(`${host.includes(':') ? `[${host}]` : host}:${port}`) : null;
}

/** Thrown by the start functions when the HTTP server cannot listen; the mains exit 2 with its message. */
export class ListenError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ListenError';
  }
}

/** Runs `listen`, turning a listen failure into a {@link ListenError} with the one-line explanation. */
export async function listenOrExplain<T>(host: string, port: number, listen: () => Promise<T>): Promise<T> {
  try {
    return await listen();
  } catch (error) {
    const problem = describeListenError(error, host, port);
    throw problem ? new ListenError(problem, { cause: error }) : error;
  }
}
