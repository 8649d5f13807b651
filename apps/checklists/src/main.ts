import { runServiceMain } from '@tminus/service-kit';
import { startChecklists } from './index';

void runServiceMain({ service: 'checklists', defaultPort: 4103, start: startChecklists });
