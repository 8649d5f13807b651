// First: tracing must be set up before the modules it instruments load (docs/observability.md).
import '@tminus/tracing/register';
import { runServiceMain } from '@tminus/service-kit';
import { startTeams } from './index';

void runServiceMain({ service: 'teams', defaultPort: 4102, start: startTeams });
