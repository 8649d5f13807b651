import { moment } from '../../format';

interface Entry {
  readonly id: string;
  readonly at: string;
  readonly summary: string;
  readonly actor: { readonly userId: string } | null;
}

export const ActivityFeed = ({ entries }: { entries: readonly Entry[] }) => (
  <section aria-labelledby="activity" className="card">
    <h2 id="activity">Activity</h2>
    <ol className="activity" aria-live="polite">
      {entries.map((entry) => (
        <li key={entry.id}>
          <time dateTime={entry.at}>{moment(entry.at)}</time> {entry.summary}
          {entry.actor && <span className="muted"> ({entry.actor.userId})</span>}
        </li>
      ))}
    </ol>
  </section>
);
