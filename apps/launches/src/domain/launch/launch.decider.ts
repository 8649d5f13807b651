import type { Decider, LaunchCommand, LaunchEvent } from '@tminus/contracts';
import { decide } from './decide';
import { evolve } from './evolve';
import { initialState, type LaunchState } from './state';

export const launchDecider: Decider<LaunchCommand, LaunchEvent, LaunchState> = {
  initialState,
  decide,
  evolve,
};
