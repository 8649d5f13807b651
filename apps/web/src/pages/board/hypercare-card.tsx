import { day, words } from '../../format';
import type { BoardLaunch } from './board-launch';

export const HypercareCard = ({ support }: { support: BoardLaunch['support'] }) => {
  const open = support.incidents.filter(({ status }) => status === 'OPEN');
  return (
    <section aria-labelledby="hypercare" className="card">
      <h2 id="hypercare">Hypercare</h2>
      <p>
        Support status:{' '}
        <strong className={`support-${support.status.toLowerCase()}`}>{words(support.status)}</strong>
      </p>
      <p>{support.wentLiveAt ? `Hypercare ends ${day(support.hypercareEndsAt)}.` : 'Not live yet.'}</p>
      <p>
        {open.length} open incident{open.length === 1 ? '' : 's'} of {support.incidents.length}.
      </p>
      {open.length > 0 && (
        <ul>
          {open.map((incident) => (
            <li key={incident.id}>
              {incident.severity}: {incident.title}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
};
