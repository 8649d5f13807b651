import { buildSchema, getIntrospectionQuery, parse, specifiedRules, validate } from 'graphql';
import { queryLimitRules } from './query-limits';

const schema = buildSchema(`
  type Item { id: ID! title: String! }
  type Checklist { id: ID! items: [Item!]! parent: Checklist }
  type Query { checklists(first: Int): [Checklist!]! checklist: Checklist }
`);

const codes = (query: string, limits = { maxDepth: 5, maxComplexity: 100 }) =>
  validate(schema, parse(query), [...specifiedRules, ...queryLimitRules(limits)]).map(
    (error) => error.extensions.code ?? 'SPEC',
  );

describe('query limits', () => {
  it('let ordinary queries through', () => {
    expect(codes('{ checklist { id items { id title } } }')).toEqual([]);
  });

  it('refuse queries nested deeper than the limit with QUERY_TOO_DEEP', () => {
    expect(codes('{ checklist { parent { parent { parent { parent { id } } } } } }')).toEqual([
      'QUERY_TOO_DEEP',
    ]);
    expect(codes('{ checklist { parent { parent { parent { id } } } } }')).toEqual([]);
  });

  it('count depth through fragments', () => {
    const query = `
      { checklist { ...Deep } }
      fragment Deep on Checklist { parent { parent { parent { parent { id } } } } }`;
    expect(codes(query)).toEqual(['QUERY_TOO_DEEP']);
  });

  it('refuse costly queries with QUERY_TOO_COMPLEX, lists weighing by their page size', () => {
    expect(codes('{ checklists(first: 5) { id items { id } } }')).toEqual([]);
    expect(codes('{ checklists(first: 100) { id items { id title } } }')).toEqual(['QUERY_TOO_COMPLEX']);
    const aliases = Array.from({ length: 120 }, (_, n) => `a${n}: checklist { id }`).join(' ');
    expect(codes(`{ ${aliases} }`)).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('leave introspection alone (tools ask for deeply nested type references)', () => {
    expect(codes(getIntrospectionQuery())).toEqual([]);
  });

  it('survive fragment cycles (the spec rule reports those)', () => {
    const query =
      '{ checklist { ...A } } fragment A on Checklist { parent { ...B } } fragment B on Checklist { parent { ...A } }';
    expect(codes(query)).toContain('SPEC');
  });
});
