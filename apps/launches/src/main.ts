// First: tracing must be set up before the modules it instruments load (docs/observability.md).
import '@tminus/tracing/register';
import { runServiceMain } from '@tminus/service-kit';
import { startLaunches } from './index';

void runServiceMain({ service: 'launches', defaultPort: 4101, start: startLaunches });
