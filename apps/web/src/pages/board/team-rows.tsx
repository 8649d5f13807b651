import { checklistPath, Link } from '../../router';
import type { BoardLaunch } from './board-launch';

export const TeamRows = ({ launchKey, teams }: { launchKey: string; teams: BoardLaunch['teams'] }) => (
  <section aria-labelledby="teams" className="card">
    <h2 id="teams">Teams</h2>
    {teams.length === 0 && <p>No team is required yet.</p>}
    <ul className="teams">
      {teams.map(({ teamId, team, ready, readiness }) => (
        <li key={teamId}>
          <div className="team-name">
            {team ? <Link to={checklistPath(launchKey, team.key)}>{team.name}</Link> : teamId}
            <span>{ready ? ' · ready' : ' · not ready'}</span>
          </div>
          <progress
            max={readiness.counts.requiredItems || 1}
            value={readiness.counts.doneOrWaived}
            aria-label={`${team?.name ?? teamId} progress`}
          />
          <div className="team-facts">
            {readiness.counts.doneOrWaived} of {readiness.counts.requiredItems} required done (
            {readiness.percent}%) · {readiness.signedOff ? 'signed off' : 'not signed off'}
            {readiness.counts.overdue > 0 && (
              <span className="overdue"> · {readiness.counts.overdue} overdue</span>
            )}
          </div>
        </li>
      ))}
    </ul>
  </section>
);
