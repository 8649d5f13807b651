import { ParsedDocuments } from './parsed-documents';

describe('ParsedDocuments', () => {
  it('parses a document once while its stored text stays the same', () => {
    const docs = new ParsedDocuments();
    const text = JSON.stringify({ id: 'c-1', items: [{ id: 'i-1', state: 'OPEN' }] });
    const first = docs.parse<{ items: unknown[] }>('checklists', 'c-1', text);
    expect(docs.parse('checklists', 'c-1', text)).toBe(first);
  });

  it('parses afresh when the stored text changed (another writer, a rolled-back write)', () => {
    const docs = new ParsedDocuments();
    docs.remember('checklists', 'c-1', '{"v":1}', { v: 1 });
    expect(docs.parse('checklists', 'c-1', '{"v":2}')).toEqual({ v: 2 });
    expect(docs.parse('checklists_next', 'c-1', '{"v":3}')).toEqual({ v: 3 });
  });

  it('serves a written view to the next read of the same text without parsing', () => {
    const docs = new ParsedDocuments();
    const view = { id: 'c-1', items: [] };
    docs.remember('checklists', 'c-1', JSON.stringify(view), view);
    expect(docs.parse('checklists', 'c-1', JSON.stringify(view))).toBe(view);
  });

  it('keeps parsed documents up to a budget of text characters, however many there are', () => {
    const docs = new ParsedDocuments(100);
    const text = (id: string) => JSON.stringify({ id, pad: 'x'.repeat(40) }); // ≈60 characters
    const old = docs.parse('checklists', 'old', text('old'));
    const recent = docs.parse('checklists', 'new', text('new'));
    expect(docs.parse('checklists', 'new', text('new'))).toBe(recent);
    const again = docs.parse('checklists', 'old', text('old'));
    expect(again).toEqual(old);
    expect(again).not.toBe(old); // dropped to stay within the budget, so parsed again
  });

  it('freezes shared views all the way down, so no reader can change another reader’s view', () => {
    const docs = new ParsedDocuments();
    const view = docs.parse<{ items: { state: string }[] }>(
      'checklists',
      'c-1',
      '{"items":[{"state":"OPEN"}]}',
    );
    expect(Object.isFrozen(view)).toBe(true);
    expect(Object.isFrozen(view.items[0])).toBe(true);
  });
});
