/**
 * The first import of every main: starts tracing (when the OTEL_* variables ask for it) before the
 * modules it instruments are loaded. Nothing else may be imported ahead of it.
 */
import { startTracing } from './start-tracing';

startTracing();
