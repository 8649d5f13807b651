import { words } from '../../format';
import type { BoardLaunch } from './board-launch';

export const Blockers = ({ blockers }: { blockers: BoardLaunch['readiness']['blockers'] }) =>
  blockers.length === 0 ? (
    <p>No blockers.</p>
  ) : (
    <>
      <h3>Blockers</h3>
      <ul className="blockers" aria-label="Blockers">
        {blockers.map((blocker, index) => (
          <li key={index}>
            <span className="code">{words(blocker.code)}</span>
            {blocker.team && <span> · team {blocker.team}</span>}
            {blocker.item && <span> · item {blocker.item}</span>}
            <div>{blocker.message}</div>
          </li>
        ))}
      </ul>
    </>
  );
