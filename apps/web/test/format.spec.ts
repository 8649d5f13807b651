import { forecastWords, words } from '../src/format';

describe('the forecast in words', () => {
  it('says on track, or by how many days it slips, or that there is no forecast yet', () => {
    expect(forecastWords({ onTrack: true, slipDays: 0 })).toBe('on track');
    expect(forecastWords({ onTrack: false, slipDays: 1 })).toBe('slips 1 day');
    expect(forecastWords({ onTrack: false, slipDays: 12 })).toBe('slips 12 days');
    expect(forecastWords({ onTrack: false, slipDays: null })).toBe('no forecast yet');
  });

  it('writes constants as words', () => {
    expect(words('OPEN_REQUIRED_ITEM')).toBe('open required item');
  });
});
