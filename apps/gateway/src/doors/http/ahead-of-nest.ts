import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/** An Express-style middleware, as the drain, the metrics and the rate limit are. */
export type Middleware = (
  request: IncomingMessage,
  response: ServerResponse,
  next: (error?: unknown) => void,
) => unknown;

/** Answers one request; it answers its own failures (a rejection is treated as a failure of the route). */
export type RouteHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

/**
 * A route served on the HTTP server ahead of Express and Nest's router. It takes only the requests it
 * answers exactly as its Nest route would; everything else goes on to Express unchanged.
 */
export interface FastRoute {
  /** The pattern Express would have matched (the `route` label of the HTTP metrics). */
  readonly pattern: string;
  /** This request's handler, or null to leave the request to Express (and so to the Nest route). */
  match(request: IncomingMessage): RouteHandler | null;
  /** Answers a failure (of a middleware or the handler) in the route's error shape. */
  fail(response: ServerResponse, error: unknown): void;
}

/**
 * The fast routes of the mounted modules: a module's provider adds its route (injecting this,
 * optionally, from the gateway's core module), and the gateway puts them on its server once Nest is
 * initialised. A module mounted elsewhere (a test's own Nest app) adds nothing and is served by Nest.
 */
export class FastRoutes {
  private readonly routes: FastRoute[] = [];

  add(route: FastRoute): void {
    this.routes.push(route);
  }

  get all(): readonly FastRoute[] {
    return this.routes;
  }
}

/** Express sets `route` on a routed request; the HTTP metrics label requests by it. */
interface RoutedRequest extends IncomingMessage {
  route?: { readonly path: string };
}

type RequestListener = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * Puts `routes` in front of the server's request listener (Express, with Nest's router in it): a
 * request a route matches runs through `middleware` (the same instances Express runs: in-flight
 * count for the drain, metrics, rate limit), then the route's handler; Express never sees it. Any
 * other request goes to the original listener as before. The per-request work this skips (Express's
 * and Nest's routers, request decoration, guards, filters) was most of the gate's CPU time.
 */
export function serveAheadOfNest(
  server: Server,
  routes: readonly FastRoute[],
  middleware: readonly Middleware[],
): void {
  if (routes.length === 0) return;
  const listeners = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    for (const route of routes) {
      const handler = route.match(request);
      if (handler !== null) return serve(route, handler, middleware, request, response);
    }
    for (const listener of listeners) listener.call(server, request, response);
  });
}

function serve(
  route: FastRoute,
  handler: RouteHandler,
  middleware: readonly Middleware[],
  request: IncomingMessage,
  response: ServerResponse,
): void {
  (request as RoutedRequest).route = { path: route.pattern };
  const step = (index: number) => (error?: unknown) => {
    if (error !== undefined) return route.fail(response, error);
    try {
      if (index < middleware.length) middleware[index](request, response, step(index + 1));
      else handler(request, response).catch((failure: unknown) => route.fail(response, failure));
    } catch (failure) {
      route.fail(response, failure);
    }
  };
  step(0)();
}
