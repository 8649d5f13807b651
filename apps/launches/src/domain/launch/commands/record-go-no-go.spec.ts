import { ErrorCodes, launchStatusAfter, type GoDecision, type RecordGoNoGo } from '@tminus/contracts';
import { deciderSpec } from '@tminus/testing';
import { launchDecider } from '../launch.decider';
import { context, inGo, inHypercare, inPlanning, LAUNCH_ID, NOW } from '../launch.fixtures';

const spec = deciderSpec(launchDecider);
const record = (decision: GoDecision, notes?: string | null): RecordGoNoGo => ({
  type: 'RecordGoNoGo',
  data: { launchId: LAUNCH_ID, decision, notes },
});
const recorded = (decision: GoDecision, notes: string | null = null) => ({
  type: 'GoNoGoRecorded' as const,
  data: { launchId: LAUNCH_ID, decision, notes, by: 'maria', at: NOW.toISOString() },
});

describe('RecordGoNoGo', () => {
  it('records a GO decision by the actor, now', () => {
    spec
      .given(inPlanning)
      .when(record('GO', ' All green '), { context })
      .then([recorded('GO', 'All green')]);
  });

  it('records a NO_GO decision with its notes and keeps the launch in PLANNING', () => {
    spec
      .given(inPlanning)
      .when(record('NO_GO', 'Security sign-off missing'), { context })
      .then([recorded('NO_GO', 'Security sign-off missing')]);
    expect(launchStatusAfter([...inPlanning, recorded('NO_GO')])).toBe('PLANNING');
  });

  it('takes a GO launch back to PLANNING on NO_GO', () => {
    spec
      .given(inGo)
      .when(record('NO_GO', 'Incident in staging'), { context })
      .then([recorded('NO_GO', 'Incident in staging')]);
    expect(launchStatusAfter([...inGo, recorded('NO_GO')])).toBe('PLANNING');
  });

  it('records a repeated GO decision', () => {
    spec
      .given(inGo)
      .when(record('GO'), { context })
      .then([recorded('GO')]);
  });

  it('stores blank notes as no notes', () => {
    spec
      .given(inPlanning)
      .when(record('GO', '   '), { context })
      .then([recorded('GO')]);
  });

  it('refuses once the launch is live', () => {
    spec
      .given(inHypercare)
      .when(record('NO_GO'), { context })
      .thenThrows(ErrorCodes.LAUNCH_INVALID_TRANSITION);
  });

  it('refuses an unknown decision', () => {
    spec
      .given(inPlanning)
      .when(record('MAYBE' as GoDecision), { context })
      .thenThrows(ErrorCodes.LAUNCH_INVALID_INPUT);
  });
});
