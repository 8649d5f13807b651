import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { printGatewaySchema } from './schema-printer';

/** The committed SDL at the repository root: what clients read and review. */
const SCHEMA_FILE = join(__dirname, '../../../../schema.graphql');

describe('schema.graphql', () => {
  it('is exactly the SDL the code-first resolvers generate (run with UPDATE_SCHEMA=1 to refresh it)', async () => {
    const generated = await printGatewaySchema();
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(SCHEMA_FILE, generated);
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(generated);
  });
});
