import { tickBodies } from './s1e-embedded-tick';

const fixture = (name: string) => ({
  launchId: `l-${name}`,
  checklistId: `c-${name}`,
  items: [0, 1, 2].map((i) => ({ id: `${name}${i}`, title: `t${i}` })),
});

describe('S1e request bodies', () => {
  it('ticks every item then unticks it, interleaving checklists, so one item recurs only a round apart', () => {
    const bodies = tickBodies([fixture('a'), fixture('b')], 3).map(
      (b) => JSON.parse(b) as { query: string; variables: { input: { itemId: string } } },
    );
    expect(bodies.map((b) => b.variables.input.itemId)).toEqual([
      ...['a0', 'b0', 'a1', 'b1', 'a2', 'b2'],
      ...['a0', 'b0', 'a1', 'b1', 'a2', 'b2'],
    ]);
    expect(bodies.slice(0, 6).every((b) => b.query.includes('tickItem('))).toBe(true);
    expect(bodies.slice(6).every((b) => b.query.includes('untickItem('))).toBe(true);
  });
});
