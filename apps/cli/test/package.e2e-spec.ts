import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI_VERSION } from '../src/cli';

const REPOSITORY_ROOT = join(__dirname, '..', '..', '..');

/** `npm run cli:pack`, into `destination` (rolldown is ESM-only: it runs in its own process, not in jest). */
function packCli(destination: string): string {
  execFileSync('npm', ['run', '--silent', 'cli:pack', '--', '--out', destination], {
    cwd: REPOSITORY_ROOT,
    stdio: 'pipe',
  });
  const [tarball] = readdirSync(destination).filter((name) => name.endsWith('.tgz'));
  return join(destination, tarball);
}

/**
 * What a pipeline does with the package: `npm install -g <tarball>` into an empty machine, offline
 * (an empty npm cache, no registry), then `tminus`. It works because the package is one bundled file
 * with no dependencies.
 */
describe('the @tminus/cli package', () => {
  let dir: string;
  let tarball: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tminus-cli-pack-'));
    tarball = packCli(join(dir, 'pack'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('installs from the packed tarball into an empty folder offline, and tminus --help runs', () => {
    const prefix = join(dir, 'global');
    execFileSync(
      'npm',
      [
        'install',
        '-g',
        '--prefix',
        prefix,
        '--offline',
        '--cache',
        join(dir, 'empty-cache'),
        '--no-audit',
        '--no-fund',
        tarball,
      ],
      { cwd: dir, stdio: 'pipe', env: { ...process.env, npm_config_registry: 'http://127.0.0.1:9/' } },
    );
    const help = spawnSync(join(prefix, 'bin', 'tminus'), ['--help'], { encoding: 'utf8', cwd: dir });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: tminus');
    expect(help.stdout).toMatch(/^ {2}gate \[options\] <launch>/m);
    const version = spawnSync(join(prefix, 'bin', 'tminus'), ['--version'], { encoding: 'utf8' });
    expect(version.stdout.trim()).toBe(CLI_VERSION);
  });

  it('carries every command in the bundle: apply validates a file offline and names the line', () => {
    const prefix = join(dir, 'global');
    const help = spawnSync(join(prefix, 'bin', 'tminus'), ['--help'], { encoding: 'utf8' });
    for (const command of ['gate', 'check', 'report', 'apply', 'export'])
      expect(help.stdout).toMatch(new RegExp(`^ {2}${command} `, 'm'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'teams:\n  - key: qa\n    name: QA\n    function: QUALITY\n');
    const apply = spawnSync(join(prefix, 'bin', 'tminus'), ['apply', '-f', file], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
    });
    expect(apply.status).toBe(2);
    expect(apply.stderr).toMatch(/line 4:\d+, teams\[0\]\.function/);
  });

  it('declares no dependencies and its bundle loads only Node built-ins', () => {
    const manifest = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as {
      version: string;
      dependencies?: Record<string, string>;
      bin: Record<string, string>;
    };
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(manifest.bin).toEqual({ tminus: 'dist/tminus.js' });
    expect(manifest.version).toBe(CLI_VERSION);
    // The file the package installed, as a pipeline runs it.
    const bundle = readFileSync(
      join(dir, 'global', 'lib', 'node_modules', '@tminus', 'cli', 'dist', 'tminus.js'),
      'utf8',
    );
    const required = [...bundle.matchAll(/require\(["']([^"']+)["']\)/g)].map((match) => match[1]);
    // ws's optional native speed-ups are loaded in a try/catch: absent, it uses its JavaScript code.
    const optional = new Set(['bufferutil', 'utf-8-validate']);
    const foreign = required.filter(
      (name) => !optional.has(name) && !builtinModules.includes(name.replace(/^node:/, '')),
    );
    expect(foreign).toEqual([]);
  });
});
