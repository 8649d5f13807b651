import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema } from 'graphql';
import { MUTATION_OPERATIONS, QUERY_OPERATIONS, SUBSCRIPTION_OPERATIONS } from './access-policy';
import { renderAccessMatrix } from './access-matrix';

const ROOT = join(__dirname, '../../../../..');
const ACCESS_DOC = join(ROOT, 'docs/access.md');
const schema = buildSchema(readFileSync(join(ROOT, 'schema.graphql'), 'utf8'));
const fieldsOf = (type: 'Query' | 'Mutation' | 'Subscription'): string[] =>
  Object.keys(
    schema.getType(type) && 'getFields' in schema.getType(type)!
      ? (schema.getType(type) as never as { getFields(): object }).getFields()
      : {},
  ).sort();

describe('docs/access.md', () => {
  if (process.env.UPDATE_SCHEMA === '1') writeFileSync(ACCESS_DOC, `${renderAccessMatrix()}\n`);

  it('is the matrix the access policy generates (regenerate with UPDATE_SCHEMA=1)', () => {
    expect(readFileSync(ACCESS_DOC, 'utf8')).toBe(`${renderAccessMatrix()}\n`);
  });

  it('covers every mutation, query and subscription of the schema, and nothing else', () => {
    expect([...MUTATION_OPERATIONS].sort()).toEqual(fieldsOf('Mutation'));
    expect(Object.keys(QUERY_OPERATIONS).sort()).toEqual(fieldsOf('Query'));
    expect(Object.keys(SUBSCRIPTION_OPERATIONS).sort()).toEqual(fieldsOf('Subscription'));
  });
});
