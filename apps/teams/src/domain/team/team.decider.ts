import type { Decider, TeamCommand, TeamEvent } from '@tminus/contracts';
import { decide } from './decide';
import { evolve } from './evolve';
import { initialState, type TeamState } from './state';

export const teamDecider: Decider<TeamCommand, TeamEvent, TeamState> = { initialState, decide, evolve };
