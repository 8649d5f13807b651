import { forecastOf } from './forecast';
import { C, feb, LAUNCH_ID, madeUpHistory, QA_CHECKLIST as QA } from './history.fixture';

describe('forecastOf (target date 2026-03-01T09:00Z, four required items)', () => {
  it('gives no expected date while nothing was done: there is no rate to extrapolate', () => {
    const forecast = forecastOf(LAUNCH_ID, madeUpHistory().events, feb(5));
    expect(forecast).toMatchObject({ expectedReadyAt: null, onTrack: false, slipDays: null, ratePerDay: 0 });
    expect(forecast?.basis).toMatch(/No required item was done or waived .*; 4 to go/);
  });

  it('extrapolates steady progress: one item a day lands two days after the last tick', () => {
    const history = madeUpHistory()
      .checklist(C.ticked(QA, 'i-1'), feb(2))
      .checklist(C.ticked(QA, 'i-2'), feb(3));
    // Window from creation (Feb 1 10:00) to Feb 4 10:00 = 3 days, 2 items: 2/3 a day, 2 remain → 3 more days.
    const forecast = forecastOf(LAUNCH_ID, history.events, feb(4, 10));
    expect(forecast).toMatchObject({
      expectedReadyAt: feb(7, 10).toISOString(),
      onTrack: true,
      slipDays: 0,
      ratePerDay: 0.67,
    });
    expect(forecast?.basis).toMatch(/2 required items done or waived in the last 3 days; 2 to go/);
  });

  it('counts the days it slips past the target date', () => {
    const history = madeUpHistory()
      .checklist(C.ticked(QA, 'i-1'), feb(2))
      .checklist(C.ticked(QA, 'i-2'), feb(26));
    // Window Feb 20 10:00 → Feb 27 10:00: 1 item in 7 days, 2 remain → 14 days → Mar 13 10:00: 13 days late (rounded up).
    expect(forecastOf(LAUNCH_ID, history.events, feb(27, 10))).toMatchObject({
      expectedReadyAt: new Date(Date.UTC(2026, 2, 13, 10)).toISOString(),
      onTrack: false,
      slipDays: 13,
    });
  });

  it('has no expected date once progress stalls for the whole recent week', () => {
    const history = madeUpHistory()
      .checklist(C.ticked(QA, 'i-1'), feb(2))
      .checklist(C.ticked(QA, 'i-2'), feb(3))
      .checklist(C.ticked(QA, 'i-3'), feb(4));
    const forecast = forecastOf(LAUNCH_ID, history.events, feb(20));
    expect(forecast).toMatchObject({ expectedReadyAt: null, onTrack: false, ratePerDay: 0 });
    expect(forecast?.basis).toMatch(/last 7 days; 1 to go/);
  });

  it('is on track when the launch is ready already, even past its target date', () => {
    const history = madeUpHistory();
    for (const id of ['i-1', 'i-2', 'i-3', 'i-4']) history.checklist(C.ticked(QA, id), feb(2));
    history.checklist(C.signedOff(QA), feb(3));
    expect(forecastOf(LAUNCH_ID, history.events, new Date(Date.UTC(2026, 2, 10)))).toMatchObject({
      onTrack: true,
      slipDays: 0,
      basis: 'The launch is ready.',
    });
  });

  it('counts waivers as done', () => {
    const history = madeUpHistory()
      .checklist(C.waived(QA, 'i-1'), feb(2))
      .checklist(C.waived(QA, 'i-2'), feb(3));
    expect(forecastOf(LAUNCH_ID, history.events, feb(4, 10))).toMatchObject({
      expectedReadyAt: feb(7, 10).toISOString(),
      ratePerDay: 0.67,
    });
  });

  it('lands at once when every required item is done but the sign-off is missing', () => {
    const history = madeUpHistory();
    for (const id of ['i-1', 'i-2', 'i-3', 'i-4']) history.checklist(C.ticked(QA, id), feb(2));
    expect(forecastOf(LAUNCH_ID, history.events, feb(5))).toMatchObject({
      expectedReadyAt: feb(5).toISOString(),
      onTrack: true,
      basis: expect.stringMatching(/sign-offs are missing/),
    });
  });

  it('is null for a launch that did not exist then', () => {
    expect(forecastOf(LAUNCH_ID, madeUpHistory().events, feb(1, 9))).toBeNull();
  });
});
