// First: tracing must be set up before the modules it instruments load (docs/observability.md).
import '@tminus/tracing/register';
import { runServiceMain } from '@tminus/service-kit';
import { startChecklists } from './index';

void runServiceMain({ service: 'checklists', defaultPort: 4103, start: startChecklists });
