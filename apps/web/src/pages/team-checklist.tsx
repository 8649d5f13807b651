import { useEffect, useState } from 'react';
import { ApiError, request, subscribe } from '../api/client';
import { ReadinessChangedSubscription, SignOff, TeamChecklistQuery } from '../api/operations';
import { useLiveQuery } from '../api/use-live-query';
import { day } from '../format';
import { boardPath, Link } from '../router';
import { ChecklistItemRow, type Act } from './checklist/checklist-item-row';
import { ErrorMessage } from '../components/error-message';

const inWords = (error: unknown): string =>
  error instanceof ApiError && error.code === 'FORBIDDEN'
    ? `Refused: ${error.message}`
    : error instanceof Error
      ? error.message
      : String(error);

/** A team's checklist for a launch: tick, untick, evidence, block, waiver, sign-off. */
export const TeamChecklist = ({
  token,
  launchKey,
  teamKey,
}: {
  token: string;
  launchKey: string;
  teamKey: string;
}) => {
  const { data, error, refresh } = useLiveQuery(token, TeamChecklistQuery, { key: launchKey });
  const [problem, setProblem] = useState<string | null>(null);
  const launchId = data?.launch?.id;
  useEffect(() => {
    if (!launchId) return;
    return subscribe(token, ReadinessChangedSubscription, { launchId }, refresh);
  }, [token, launchId, refresh]);
  if (error) return <ErrorMessage>{error.message}</ErrorMessage>;
  if (!data) return <p>Loading…</p>;
  const entry = data.launch?.teams.find(({ team }) => team?.key === teamKey);
  if (!data.launch || !entry?.team) {
    return (
      <>
        <h1>
          No checklist for team {teamKey} on launch {launchKey}
        </h1>
        <Link to="/">Back to the launches</Link>
      </>
    );
  }
  const { team, checklist } = entry;
  const act: Act = async (_itemId, what, label) => {
    setProblem(null);
    try {
      await what();
      return true;
    } catch (failure) {
      setProblem(`Could not ${label}: ${inWords(failure)}`);
      return false;
    } finally {
      // Whatever happened, show what the server has now.
      refresh();
    }
  };
  const isLead =
    data.viewer.role === 'ADMIN' ||
    team.members.some((member) => member.userId === data.viewer.userId && member.role === 'LEAD');
  const signOff = () =>
    checklist && act(checklist.id, () => request(token, SignOff, { checklistId: checklist.id }), 'sign off');
  return (
    <article>
      <p>
        <Link to={boardPath(launchKey)}>← {data.launch.name}</Link>
      </p>
      <h1>{team.name} checklist</h1>
      <p>
        Launch target {day(data.launch.targetDate)} · {entry.ready ? 'ready' : 'not ready'} ·{' '}
        {checklist?.signedOff ? `signed off by ${checklist.signedOffBy}` : 'not signed off'}
      </p>
      <p role="alert" className={problem ? 'error' : undefined}>
        {problem}
      </p>
      {!checklist && <p>The checklist is not open yet.</p>}
      {checklist && (
        <>
          <ul className="items">
            {checklist.items.map((item) => (
              <ChecklistItemRow key={item.id} token={token} item={item} act={act} />
            ))}
          </ul>
          {isLead && !checklist.signedOff && (
            <button type="button" onClick={signOff}>
              Sign off
            </button>
          )}
        </>
      )}
    </article>
  );
};
