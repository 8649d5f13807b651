import { useEffect, useMemo, useState } from 'react';
import { subscribe } from '../api/client';
import type { ResultOf, VariablesOf } from '../api/graphql';
import { LaunchListQuery, ReadinessChangedSubscription } from '../api/operations';
import { useLiveQuery } from '../api/use-live-query';
import { day, words } from '../format';
import { boardPath, Link } from '../router';
import { ErrorMessage } from '../components/error-message';

type Status = NonNullable<VariablesOf<typeof LaunchListQuery>['status']>;
type Launch = ResultOf<typeof LaunchListQuery>['launches']['edges'][number]['node'];
const STATUSES: readonly Status[] = ['PLANNING', 'GO', 'HYPERCARE', 'CLOSED', 'CANCELLED'];
/** New launches have no subscription of their own: look for them now and then. */
const NEW_LAUNCH_REFRESH_MS = 15_000;

const matches = (launch: Launch, search: string): boolean => {
  const wanted = search.trim().toLowerCase();
  return (
    wanted === '' || launch.key.toLowerCase().includes(wanted) || launch.name.toLowerCase().includes(wanted)
  );
};

export const LaunchList = ({ token }: { token: string }) => {
  const [status, setStatus] = useState<Status | ''>('');
  const [search, setSearch] = useState('');
  const { data, error, refresh } = useLiveQuery(token, LaunchListQuery, { status: status || null });
  const launches = useMemo(() => data?.launches.edges.map(({ node }) => node) ?? [], [data]);
  const ids = launches.map(({ id }) => id).join(',');
  useEffect(() => {
    const stops = ids
      .split(',')
      .filter(Boolean)
      .map((launchId) => subscribe(token, ReadinessChangedSubscription, { launchId }, refresh));
    const timer = setInterval(refresh, NEW_LAUNCH_REFRESH_MS);
    return () => {
      stops.forEach((stop) => stop());
      clearInterval(timer);
    };
  }, [token, ids, refresh]);
  const shown = launches.filter((launch) => matches(launch, search));
  return (
    <>
      <h1>Launches</h1>
      <div className="filters">
        <label>
          Status
          <select value={status} onChange={(event) => setStatus(event.target.value as Status | '')}>
            <option value="">All</option>
            {STATUSES.map((value) => (
              <option key={value} value={value}>
                {words(value)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Search
          <input
            type="search"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            placeholder="key or name"
          />
        </label>
      </div>
      {error && <ErrorMessage>{error.message}</ErrorMessage>}
      {data && shown.length === 0 && <p>No launch matches.</p>}
      <ul className="launches">
        {shown.map((launch) => (
          <li key={launch.id} className="card">
            <h2>
              <Link to={boardPath(launch.key)}>{launch.name}</Link>
            </h2>
            <dl className="facts">
              <dt>Key</dt>
              <dd>{launch.key}</dd>
              <dt>Status</dt>
              <dd>{words(launch.status)}</dd>
              <dt>Target</dt>
              <dd>{day(launch.targetDate)}</dd>
              <dt>Readiness</dt>
              <dd>
                {launch.readiness.percent}% {launch.readiness.ready ? 'ready' : 'not ready'}
              </dd>
              <dt>Support</dt>
              <dd className={`support-${launch.support.status.toLowerCase()}`}>
                {words(launch.support.status)}
              </dd>
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
};
