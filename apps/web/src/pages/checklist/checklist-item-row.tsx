import { useEffect, useState, type FormEvent } from 'react';
import { request } from '../../api/client';
import type { ResultOf } from '../../api/graphql';
import {
  BlockItem,
  TickItem,
  UnblockItem,
  UntickItem,
  WaiveItem,
  type TeamChecklistQuery,
} from '../../api/operations';
import { day, words } from '../../format';

type Item = NonNullable<
  NonNullable<ResultOf<typeof TeamChecklistQuery>['launch']>['teams'][number]['checklist']
>['items'][number];

/** Runs a command for an item; failures are shown by the page, in words. */
export type Act = (itemId: string, what: () => Promise<unknown>, label: string) => Promise<boolean>;

/** One item: the checkbox ticks/unticks at once (shown ticked while the server confirms). */
export const ChecklistItemRow = ({ token, item, act }: { token: string; item: Item; act: Act }) => {
  const [optimistic, setOptimistic] = useState<boolean | null>(null);
  const [text, setText] = useState('');
  const done = item.state === 'DONE' || item.state === 'WAIVED';
  const checked = optimistic ?? done;
  // The server's answer arrived: show it rather than the guess.
  useEffect(() => setOptimistic(null), [item.state]);
  const toggle = () => {
    setOptimistic(!done);
    const command = done
      ? () => request(token, UntickItem, { itemId: item.id })
      : () => request(token, TickItem, { itemId: item.id, evidenceUrl: null });
    void act(item.id, command, `${done ? 'untick' : 'tick'} “${item.title}”`).then((ok) => {
      if (!ok) setOptimistic(null);
    });
  };
  const submit = (event: FormEvent) => event.preventDefault();
  const withText = (label: string, command: () => Promise<unknown>) => () =>
    void act(item.id, command, `${label} “${item.title}”`).then(() => setText(''));
  const inputId = `more-${item.id}`;
  return (
    <li className={item.overdue ? 'item overdue' : 'item'}>
      <label className="tick">
        <input type="checkbox" checked={checked} onChange={toggle} disabled={item.state === 'BLOCKED'} />
        <span>{item.title}</span>
      </label>
      <div className="item-facts">
        {item.required ? 'required' : 'optional'} · {words(item.state)}
        {item.owner && <> · owner {item.owner}</>}
        {item.dueDate && <> · due {day(item.dueDate)}</>}
        {item.overdue && <strong className="overdue-mark"> · overdue</strong>}
        {item.evidenceUrl && (
          <>
            {' '}
            ·{' '}
            <a href={item.evidenceUrl} rel="noreferrer noopener" target="_blank">
              evidence
            </a>
          </>
        )}
        {item.blockedReason && <> · blocked: {item.blockedReason}</>}
        {item.waiver && <> · waived: {item.waiver.reason}</>}
      </div>
      <details>
        <summary>More for “{item.title}”</summary>
        <form onSubmit={submit} className="item-form">
          <label htmlFor={inputId}>Evidence link or reason</label>
          <input id={inputId} value={text} onChange={(event) => setText(event.target.value)} />
          <div className="buttons">
            <button
              type="button"
              disabled={!text}
              onClick={withText('add evidence to', () =>
                request(token, TickItem, { itemId: item.id, evidenceUrl: text }),
              )}
            >
              Add evidence
            </button>
            {item.state === 'BLOCKED' ? (
              <button
                type="button"
                onClick={withText('unblock', () => request(token, UnblockItem, { itemId: item.id }))}
              >
                Unblock
              </button>
            ) : (
              <button
                type="button"
                disabled={!text}
                onClick={withText('block', () =>
                  request(token, BlockItem, { itemId: item.id, reason: text }),
                )}
              >
                Block
              </button>
            )}
            <button
              type="button"
              disabled={!text}
              onClick={withText('waive', () => request(token, WaiveItem, { itemId: item.id, reason: text }))}
            >
              Request waiver
            </button>
          </div>
        </form>
      </details>
    </li>
  );
};
