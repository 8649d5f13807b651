import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildClientSchema,
  getIntrospectionQuery,
  lexicographicSortSchema,
  printSchema,
  type IntrospectionQuery,
} from 'graphql';
import { SCHEMA_FILE_HEADER } from '../src/app/schema-printer';
import { startTestGateway, type TestGateway } from './support/test-gateway';

/** The committed SDL is what clients (the web app's types, scripts, reviewers) read: it must be what is served. */
describe('schema.graphql', () => {
  let stack: TestGateway;
  beforeAll(async () => (stack = await startTestGateway()));
  afterAll(() => stack?.close());

  it('is exactly the schema the running gateway serves, every door included', async () => {
    const response = await stack.graphql<IntrospectionQuery>(getIntrospectionQuery());
    expect(response.errors).toBeUndefined();
    const served = printSchema(
      lexicographicSortSchema(buildClientSchema(response.data as IntrospectionQuery)),
    );

    const committed = readFileSync(join(__dirname, '../../../schema.graphql'), 'utf8');
    expect(`${SCHEMA_FILE_HEADER}${served}\n`).toBe(committed);
    expect(served).toContain('mapGithubEnvironment');
  });
});
