import { useEffect } from 'react';
import { subscribe } from '../api/client';
import {
  LaunchActivitySubscription,
  LaunchBoardQuery,
  ReadinessChangedSubscription,
} from '../api/operations';
import { useLiveQuery } from '../api/use-live-query';
import { day, words } from '../format';
import { Link } from '../router';
import { ActivityFeed } from './board/activity-feed';
import { Blockers } from './board/blockers';
import { BurnupCard } from './board/burnup-card';
import { DecisionAndGates } from './board/decision-and-gates';
import { HypercareCard } from './board/hypercare-card';
import { OverdueItems } from './board/overdue-items';
import { TeamRows } from './board/team-rows';
import { ErrorMessage } from '../components/error-message';

/** The launch board: everything a launch manager watches, kept live by two subscriptions. */
export const LaunchBoard = ({ token, launchKey }: { token: string; launchKey: string }) => {
  const { data, error, refresh } = useLiveQuery(token, LaunchBoardQuery, { key: launchKey });
  const launchId = data?.launch?.id;
  useEffect(() => {
    if (!launchId) return;
    const stops = [
      subscribe(token, ReadinessChangedSubscription, { launchId }, refresh),
      subscribe(token, LaunchActivitySubscription, { launchId }, refresh),
    ];
    return () => stops.forEach((stop) => stop());
  }, [token, launchId, refresh]);
  if (error) return <ErrorMessage>{error.message}</ErrorMessage>;
  if (!data) return <p>Loading…</p>;
  const launch = data.launch;
  if (!launch) {
    return (
      <>
        <h1>No launch {launchKey}</h1>
        <Link to="/">Back to the launches</Link>
      </>
    );
  }
  return (
    <article className="board">
      <h1>{launch.name}</h1>
      <dl className="facts">
        <dt>Key</dt>
        <dd>{launch.key}</dd>
        <dt>Status</dt>
        <dd>{words(launch.status)}</dd>
        <dt>Target date</dt>
        <dd>{day(launch.targetDate)}</dd>
      </dl>
      <section aria-labelledby="readiness" className="card">
        <h2 id="readiness">Readiness</h2>
        <p className="readiness" data-testid="readiness">
          <strong>{launch.readiness.percent}%</strong> {launch.readiness.ready ? 'ready' : 'not ready'}
        </p>
        <Blockers blockers={launch.readiness.blockers} />
        <OverdueItems items={launch.readiness.overdue} />
      </section>
      <TeamRows launchKey={launch.key} teams={launch.teams} />
      <BurnupCard launch={launch} />
      <DecisionAndGates token={token} launch={launch} />
      <HypercareCard support={launch.support} />
      <ActivityFeed entries={launch.history.edges.map(({ node }) => node)} />
    </article>
  );
};
