// Typed GraphQL documents: gql.tada reads the types from graphql-env.d.ts, generated from the
// gateway's schema.graphql (`npm run typecheck` regenerates it, so a schema change that breaks an
// operation fails the typecheck).
import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env.d.ts';

export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: { DateTime: string };
}>();

export type { FragmentOf, ResultOf, VariablesOf } from 'gql.tada';
export { readFragment } from 'gql.tada';
