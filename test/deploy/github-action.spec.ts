import { validateAction } from '@action-validator/core';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

const ROOT = resolve(__dirname, '..', '..');
const SOURCE = readFileSync(join(ROOT, 'action.yml'), 'utf8');

interface CompositeStep {
  readonly id?: string;
  readonly run: string;
  readonly env?: Record<string, string>;
}
interface ActionFile {
  readonly inputs: Record<string, { required?: boolean; default?: string }>;
  readonly runs: { using: string; steps: CompositeStep[] };
}
const action = parse(SOURCE) as ActionFile;

describe('action.yml (the GitHub Action running tminus gate)', () => {
  it('is valid against the GitHub Actions metadata schema (SchemaStore, via action-validator)', () => {
    expect(validateAction(SOURCE).errors).toEqual([]);
  });

  it('the validator does catch a broken action file', () => {
    const broken = SOURCE.replace('required: true', 'required: maybe');
    expect(validateAction(broken).errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'wrong_type', path: '/inputs/launch/required' }),
      ]),
    );
  });

  it('takes launch, environment, wait, url and token, and the package to install', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(
      ['environment', 'launch', 'package', 'token', 'url', 'wait'].sort(),
    );
    expect(action.runs.using).toBe('composite');
  });

  it('never splices an expression into a script: inputs reach it through the environment only', () => {
    for (const step of action.runs.steps) expect(step.run).not.toContain('${{');
  });

  it('installs the CLI from the gateway unless another package is named', () => {
    const install = action.runs.steps[0];
    const dir = mkdtempSync(join(tmpdir(), 'tminus-action-npm-'));
    try {
      // A stand-in npm that prints what it would install.
      writeFileSync(join(dir, 'npm'), `#!/bin/sh\necho "$@"\n`);
      chmodSync(join(dir, 'npm'), 0o755);
      const installs = (env: Record<string, string>) =>
        spawnSync('bash', ['-e', '-c', install.run], {
          encoding: 'utf8',
          env: { PATH: `${dir}:${process.env.PATH ?? ''}`, ...env },
        }).stdout;
      expect(installs({ TMINUS_URL: 'https://tminus.example/', TMINUS_CLI_PACKAGE: '' })).toMatch(
        /^install -g .* https:\/\/tminus\.example\/cli\/tminus-cli\.tgz\n$/,
      );
      expect(
        installs({ TMINUS_URL: 'https://tminus.example', TMINUS_CLI_PACKAGE: '@acme/tminus-cli@1' }),
      ).toMatch(/ @acme\/tminus-cli@1\n$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs tminus gate with the inputs as separate arguments and exposes the decision', () => {
    const gate = action.runs.steps.find((step) => step.id === 'gate');
    const dir = mkdtempSync(join(tmpdir(), 'tminus-action-'));
    try {
      // A stand-in tminus that records its arguments and answers DENIED.
      writeFileSync(join(dir, 'tminus'), `#!/bin/sh\nfor a in "$@"; do echo "[$a]"; done\nexit 1\n`);
      chmodSync(join(dir, 'tminus'), 0o755);
      const output = join(dir, 'output');
      writeFileSync(output, '');
      const run = spawnSync('bash', ['-e', '-c', gate?.run ?? 'exit 99'], {
        encoding: 'utf8',
        env: {
          PATH: `${dir}:${process.env.PATH ?? ''}`,
          GITHUB_OUTPUT: output,
          TMINUS_TOKEN: 'tm_secret_0123456789',
          TMINUS_LAUNCH: 'checkout v2; rm -rf /',
          TMINUS_ENVIRONMENT: 'production',
          TMINUS_WAIT: '20m',
        },
      });
      expect(run.status).toBe(1);
      expect(run.stdout).toContain(
        '[gate]\n[checkout v2; rm -rf /]\n[--env]\n[production]\n[--wait]\n[20m]\n',
      );
      expect(run.stdout).toContain('::add-mask::tm_secret_0123456789');
      expect(readFileSync(output, 'utf8')).toBe('decision=DENIED\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
