import { day, words } from '../../format';
import type { BoardLaunch } from './board-launch';

type BoardIncident = BoardLaunch['support']['incidents'][number];

/** Where an incident comes from: its tool and id there, linked when the tool gave an http(s) link. */
const IncidentOrigin = ({ incident }: { incident: BoardIncident }) => {
  if (!incident.source) return null;
  const label = `${words(incident.source)} ${incident.externalId ?? ''}`.trim();
  // The gateway keeps only http(s) links; checked again here, as any link shown in a page must be.
  const safeUrl = incident.url && /^https?:\/\//i.test(incident.url) ? incident.url : null;
  return (
    <>
      {' ('}
      {safeUrl ? (
        <a href={safeUrl} rel="noopener noreferrer" target="_blank">
          {label}
        </a>
      ) : (
        label
      )}
      {')'}
    </>
  );
};

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
      {support.hypercareOverrun && (
        <p role="status">Hypercare has ended but the launch stays open: {support.hypercareOverrun.reason}</p>
      )}
      {open.length > 0 && (
        <ul>
          {open.map((incident) => (
            <li key={incident.id}>
              {incident.severity}: {incident.title}
              <IncidentOrigin incident={incident} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
};
