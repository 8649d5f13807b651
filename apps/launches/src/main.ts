import { runServiceMain } from '@tminus/service-kit';
import { startLaunches } from './index';

void runServiceMain({ service: 'launches', defaultPort: 4101, start: startLaunches });
