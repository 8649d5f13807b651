import { checklistView, itemView } from '../domain/testing/views';
import { checklistText } from './checklist-text';

describe('checklistText', () => {
  it('is JSON.stringify of the document, byte for byte, also after items change', () => {
    const first = checklistView('qa', [
      itemView('a'),
      itemView('b', { title: 'needs "quotes", \\ slashes and \u0000', ownerUserId: 'u1' }),
    ]);
    expect(checklistText(first)).toBe(JSON.stringify(first));
    expect(checklistText(first)).toBe(JSON.stringify(first)); // from the kept item texts
    const second = { ...first, items: [first.items[0], { ...first.items[1], state: 'DONE' as const }] };
    expect(checklistText(second)).toBe(JSON.stringify(second));
    const empty = { ...first, items: [] };
    expect(checklistText(empty)).toBe(JSON.stringify(empty));
    const renamed = checklistView('qa', [...first.items], { templateId: '\u0000tminus-items\u0000' });
    expect(checklistText(renamed)).toBe(JSON.stringify(renamed));
  });
});
