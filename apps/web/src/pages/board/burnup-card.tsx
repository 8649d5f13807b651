import { BurnupChart } from '../../components/burnup-chart';
import { day, forecastWords } from '../../format';
import type { BoardLaunch } from './board-launch';

/** The chart, the forecast in words, and the chart's points as a table (for screen readers and tests). */
export const BurnupCard = ({ launch }: { launch: BoardLaunch }) => {
  const { forecast, burnup } = launch;
  return (
    <section aria-labelledby="burnup" className="card">
      <h2 id="burnup">Burn-up</h2>
      <p data-testid="forecast">
        Forecast: <strong>{forecastWords(forecast)}</strong>
        {forecast.expectedReadyAt && <> · expected ready {day(forecast.expectedReadyAt)}</>} · target{' '}
        {day(launch.targetDate)}
      </p>
      <p className="muted">{forecast.basis}</p>
      <BurnupChart
        points={burnup}
        targetDate={launch.targetDate}
        expectedReadyAt={forecast.expectedReadyAt}
      />
      <details>
        <summary>Burn-up data</summary>
        <table className="burnup-data">
          <caption>Required items done or waived, per day</caption>
          <thead>
            <tr>
              <th scope="col">At</th>
              <th scope="col">Required</th>
              <th scope="col">Done</th>
              <th scope="col">Waived</th>
            </tr>
          </thead>
          <tbody>
            {burnup.map((point) => (
              <tr key={point.at} data-at={point.at}>
                <td>{day(point.at)}</td>
                <td>{point.required}</td>
                <td>{point.done}</td>
                <td>{point.waived}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
};
