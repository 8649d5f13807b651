import { selectScenarios } from './select';

const known = [{ id: 'S1e' }, { id: 'S3' }];

describe('scenario selection', () => {
  it('runs every scenario when none is named', () => {
    expect(selectScenarios(known, [])).toEqual({ scenarios: known, all: true });
  });

  it('runs the named ones in the harness order, ids case-insensitive', () => {
    expect(selectScenarios(known, ['s3'])).toEqual({ scenarios: [{ id: 'S3' }], all: false });
    expect(selectScenarios(known, ['S3', 's1E'])).toEqual({ scenarios: known, all: true });
  });

  it('names the unknown ones instead of running a partial selection', () => {
    expect(selectScenarios(known, ['S3', 'S9'])).toEqual({ unknown: ['S9'] });
  });
});
