import { buildSchema, getIntrospectionQuery, parse, specifiedRules, validate } from 'graphql';
import { DEFAULT_QUERY_LIMITS, queryLimitRules, type QueryLimits } from './query-limits';

const schema = buildSchema(`
  type Item { id: ID! title: String! }
  type Checklist { id: ID! items: [Item!]! parent: Checklist }
  type Readiness { percent: Int! }
  type Launch { id: ID! readiness: Readiness! }
  type LaunchEdge { node: Launch! }
  type LaunchConnection { edges: [LaunchEdge!]! }
  type Query {
    checklists(first: Int): [Checklist!]!
    checklist: Checklist
    launches(first: Int): LaunchConnection!
    launchAsOf(id: ID!): Launch
  }
`);

const codes = (
  query: string,
  limits: QueryLimits = { maxDepth: 5, maxComplexity: 100, maxAliases: 1_000, maxRootFields: 1_000 },
) =>
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

  it('refuse more aliases than allowed with TOO_MANY_ALIASES (2,000 of them, before anything runs)', () => {
    const aliases = Array.from({ length: 2_000 }, (_, n) => `a${n}: checklists(first: 100) { id }`).join(' ');
    expect(codes(`{ ${aliases} }`, DEFAULT_QUERY_LIMITS)).toEqual(['TOO_MANY_ALIASES']);
  });

  it('refuse more top-level fields than allowed with TOO_MANY_ROOT_FIELDS', () => {
    const limits = { ...DEFAULT_QUERY_LIMITS, maxRootFields: 3 };
    expect(codes('{ a: checklist { id } b: checklist { id } c: checklist { id } }', limits)).toEqual([]);
    expect(
      codes('{ a: checklist { id } b: checklist { id } c: checklist { id } d: checklist { id } }', limits),
    ).toEqual(['TOO_MANY_ROOT_FIELDS']);
  });

  it('weigh fields by their work: readiness per launch of a page, replays', () => {
    const page = (size: number) =>
      `{ launches(first: ${size}) { edges { node { id readiness { percent } } } } }`;
    expect(codes(page(100), DEFAULT_QUERY_LIMITS)).toEqual([]);
    const fiveReadiness = Array.from({ length: 5 }, (_, n) => `r${n}: readiness { percent }`).join(' ');
    expect(
      codes(`{ launches(first: 100) { edges { node { ${fiveReadiness} } } } }`, DEFAULT_QUERY_LIMITS),
    ).toEqual(['QUERY_TOO_COMPLEX']);
    const replays = Array.from({ length: 25 }, (_, n) => `r${n}: launchAsOf(id: "x") { id }`).join(' ');
    expect(codes(`{ ${replays} }`, DEFAULT_QUERY_LIMITS)).toEqual(['QUERY_TOO_COMPLEX']);
  });
});
