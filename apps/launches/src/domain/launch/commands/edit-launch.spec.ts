import { ErrorCodes, type EditLaunch, type LaunchEdited } from '@tminus/contracts';
import { deciderSpec } from '@tminus/testing';
import { launchDecider } from '../launch.decider';
import { context, inHypercare, inPlanning, LAUNCH_ID, launchCreated } from '../launch.fixtures';

const spec = deciderSpec(launchDecider);
const edit = (data: Omit<EditLaunch['data'], 'launchId'>): EditLaunch => ({
  type: 'EditLaunch',
  data: { launchId: LAUNCH_ID, ...data },
});
const edited = (data: Partial<LaunchEdited['data']>): LaunchEdited => ({
  type: 'LaunchEdited',
  data: { launchId: LAUNCH_ID, name: 'Spring release', description: null, ownerUserId: 'maria', ...data },
});
const withDescription = [
  { ...launchCreated, data: { ...launchCreated.data, description: 'Old text' } },
] satisfies (typeof inPlanning)[number][];

describe('EditLaunch', () => {
  it('changes the given fields and keeps the absent ones', () => {
    spec
      .given(withDescription)
      .when(edit({ name: ' Spring launch ' }), { context })
      .then([edited({ name: 'Spring launch', description: 'Old text' })]);
  });

  it('clears the description and the owner when they are null', () => {
    spec
      .given(withDescription)
      .when(edit({ description: null, ownerUserId: null }), { context })
      .then([edited({ description: null, ownerUserId: null })]);
  });

  it('keeps the name when it is null', () => {
    spec
      .given(inPlanning)
      .when(edit({ name: null, ownerUserId: 'olga' }), { context })
      .then([edited({ ownerUserId: 'olga' })]);
  });

  it('changes nothing when every value is the same', () => {
    spec
      .given(withDescription)
      .when(edit({ name: 'Spring release', description: 'Old text' }), { context })
      .thenNothing();
  });

  it('is allowed while the launch is live', () => {
    spec
      .given(inHypercare)
      .when(edit({ description: 'Shipped' }), { context })
      .then([edited({ description: 'Shipped' })]);
  });

  it('refuses a blank name', () => {
    spec
      .given(inPlanning)
      .when(edit({ name: '   ' }), { context })
      .thenThrows(ErrorCodes.LAUNCH_INVALID_INPUT);
  });

  it('refuses a blank owner', () => {
    spec
      .given(inPlanning)
      .when(edit({ ownerUserId: ' ' }), { context })
      .thenThrows(ErrorCodes.LAUNCH_INVALID_INPUT);
  });
});
