import { day } from '../../format';
import type { BoardLaunch } from './board-launch';

export const OverdueItems = ({ items }: { items: BoardLaunch['readiness']['overdue'] }) =>
  items.length === 0 ? null : (
    <>
      <h3>Overdue items</h3>
      <ul className="overdue-items">
        {items.map((item) => (
          <li key={item.itemId}>
            <span className="overdue-mark">{item.title}</span> · team {item.team ?? '?'} · due{' '}
            {day(item.dueDate)}
          </li>
        ))}
      </ul>
    </>
  );
