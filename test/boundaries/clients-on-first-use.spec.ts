import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** Packages the embedded process never uses, loaded only by the factory that needs them (ADR 0014, lazyload). */
const LOADED_ON_FIRST_USE = ['kafkajs', '@platformatic/kafka', 'typeorm', 'pg'];

/** Loads the libraries' public entry points in a fresh node and lists which of those packages came with them. */
function packagesLoadedByImports(): string[] {
  const script = `
    for (const lib of ['messaging', 'event-store', 'tracing', 'service-kit']) require('./libs/' + lib + '/src');
    const loaded = Object.keys(require.cache);
    const names = ${JSON.stringify(LOADED_ON_FIRST_USE)};
    process.stdout.write(JSON.stringify(names.filter((name) => loaded.some((path) => path.includes('/node_modules/' + name + '/')))));
  `;
  const output = execFileSync(process.execPath, ['-r', '@swc-node/register', '-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return JSON.parse(output) as string[];
}

// An eager import creeps back unnoticed and costs the embedded process ≈10 MB of idle RSS per client.
describe('heavy clients load on first use', () => {
  it('importing the libraries loads no Kafka client, TypeORM or pg', () => {
    expect(packagesLoadedByImports()).toEqual([]);
  });
});
