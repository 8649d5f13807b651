import { useEffect } from 'react';
import { GateQuery } from '../../api/operations';
import { useLiveQuery } from '../../api/use-live-query';
import { day, words } from '../../format';
import type { BoardLaunch } from './board-launch';

const GateRow = ({
  token,
  launchKey,
  environment,
  version,
}: {
  token: string;
  launchKey: string;
  environment: string;
  version: string;
}) => {
  const { data, error, refresh } = useLiveQuery(token, GateQuery, { launch: launchKey, environment });
  useEffect(refresh, [version, refresh]);
  const gate = data?.gate;
  return (
    <li>
      <strong>{environment}</strong>:{' '}
      {error
        ? error.message
        : gate
          ? `${words(gate.decision)}${gate.reasons.length ? `: ${[...new Set(gate.reasons.map((r) => words(r.code)))].join(', ')}` : ''}`
          : '…'}
    </li>
  );
};

/** The go/no-go decision and, per environment, whether the release gate would let a deploy through now. */
export const DecisionAndGates = ({ token, launch }: { token: string; launch: BoardLaunch }) => {
  const environments = [
    ...new Set([
      'production',
      ...launch.gatePolicies.map((p) => p.environment),
      ...launch.lastGateEvaluations.map((e) => e.environment),
    ]),
  ];
  // The board's readiness changes whenever a gate answer can: re-ask then.
  const version = `${launch.status}:${launch.readiness.percent}:${launch.readiness.ready}`;
  return (
    <section aria-labelledby="decision" className="card">
      <h2 id="decision">Go/no-go and gates</h2>
      <p>
        {launch.decision
          ? `${words(launch.decision.decision)} by ${launch.decision.by} on ${day(launch.decision.at)}${launch.decision.notes ? `: ${launch.decision.notes}` : ''}`
          : 'No go/no-go decision yet.'}
      </p>
      <ul className="gates" aria-label="Gates">
        {environments.map((environment) => (
          <GateRow
            key={environment}
            token={token}
            launchKey={launch.key}
            environment={environment}
            version={version}
          />
        ))}
      </ul>
    </section>
  );
};
