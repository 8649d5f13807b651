import type { NodeSDK } from '@opentelemetry/sdk-node';
import { serviceNameOf, tracingRequested } from './tracing-settings';

let running: NodeSDK | undefined;

/**
 * Starts the OpenTelemetry Node SDK when the environment asks for tracing (see {@link tracingRequested}),
 * with the instrumentations of what tminus runs on: http, express, graphql, pg and kafkajs. It must run
 * before those modules are loaded, hence `@tminus/tracing/register` as the first import of every main.
 * When tracing is off nothing of the SDK is even loaded.
 */
export function startTracing(
  env: NodeJS.ProcessEnv = process.env,
  entryFile = require.main?.filename,
): boolean {
  if (running || !tracingRequested(env)) return running !== undefined;
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded only when tracing is on */
  const { NodeSDK: Sdk } = require('@opentelemetry/sdk-node') as typeof import('@opentelemetry/sdk-node');
  const { HttpInstrumentation } =
    require('@opentelemetry/instrumentation-http') as typeof import('@opentelemetry/instrumentation-http');
  const { ExpressInstrumentation } =
    require('@opentelemetry/instrumentation-express') as typeof import('@opentelemetry/instrumentation-express');
  const { GraphQLInstrumentation } =
    require('@opentelemetry/instrumentation-graphql') as typeof import('@opentelemetry/instrumentation-graphql');
  const { PgInstrumentation } =
    require('@opentelemetry/instrumentation-pg') as typeof import('@opentelemetry/instrumentation-pg');
  const { KafkaJsInstrumentation } =
    require('@opentelemetry/instrumentation-kafkajs') as typeof import('@opentelemetry/instrumentation-kafkajs');
  /* eslint-enable @typescript-eslint/no-require-imports */
  running = new Sdk({
    serviceName: serviceNameOf(env, entryFile),
    instrumentations: [
      new HttpInstrumentation({
        // Probes and scrapes would drown the traces that matter.
        ignoreIncomingRequestHook: (request) => /^\/(health|metrics)(\/|$|\?)/.test(request.url ?? ''),
      }),
      new ExpressInstrumentation(),
      new GraphQLInstrumentation({ mergeItems: true }),
      new PgInstrumentation(),
      new KafkaJsInstrumentation(),
    ],
  });
  running.start();
  return true;
}

/** Flushes and stops the SDK (on shutdown, so the last spans are exported); a no-op when tracing is off. */
export async function stopTracing(): Promise<void> {
  const sdk = running;
  running = undefined;
  await sdk?.shutdown().catch(() => undefined);
}
