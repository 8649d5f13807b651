import { runServiceMain } from '@tminus/service-kit';
import { startTeams } from './index';

void runServiceMain({ service: 'teams', defaultPort: 4102, start: startTeams });
