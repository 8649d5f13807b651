import type { ChecklistView } from '../domain/views';
import { ProjectedChecklists } from './projected-checklists';

const view = (name: string) => ({ id: name }) as unknown as ChecklistView;

describe('ProjectedChecklists', () => {
  it('given a committed write, when the locked position is the one cached, then it is served', () => {
    const cache = new ProjectedChecklists();
    const tx = cache.begin();
    tx.wrote('c1', 3, view('v3'));
    tx.committedNow();
    expect(cache.begin().at('c1', 3)).toEqual(view('v3'));
  });

  it('given another writer moved the position, when asked, then nothing is served (read the table)', () => {
    const cache = new ProjectedChecklists();
    const tx = cache.begin();
    tx.wrote('c1', 3, view('v3'));
    tx.committedNow();
    expect(cache.begin().at('c1', 4)).toBeNull();
  });

  it('given a transaction that never committed, when a later one asks, then its writes are unknown', () => {
    const cache = new ProjectedChecklists();
    const rolledBack = cache.begin();
    rolledBack.wrote('c1', 1, view('v1'));
    expect(rolledBack.at('c1', 1)).toEqual(view('v1')); // its own write, inside the transaction
    expect(cache.begin().at('c1', 1)).toBeNull();
  });
});
