import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const FIXTURE = join(__dirname, 'fixture');

interface Violation {
  readonly from: string;
  readonly to: string;
  readonly rule: { readonly name: string };
}

/** Runs the project's dependency-cruiser rules over a folder and returns what they flag. */
const cruise = (cwd: string): Violation[] => {
  let output: string;
  try {
    output = execFileSync(
      join(ROOT, 'node_modules', '.bin', 'depcruise'),
      ['apps', 'libs', '--config', join(ROOT, '.dependency-cruiser.cjs'), '--output-type', 'json'],
      { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
  } catch (error) {
    // depcruise exits non-zero when it finds violations; the JSON report is still on stdout.
    output = (error as { stdout: string }).stdout;
  }
  return (JSON.parse(output) as { summary: { violations: Violation[] } }).summary.violations;
};

// `npm run boundaries` checks the real tree; this proves the rules bite, on a fixture that breaks them.
describe('architecture boundaries', () => {
  const violations = cruise(FIXTURE);
  const ruleHits = (name: string) =>
    violations.filter((v) => v.rule.name === name).map((v) => `${v.from} -> ${v.to}`);

  it('keeps apps from importing each other', () => {
    expect(ruleHits('apps-not-into-other-apps')).toEqual([
      'apps/teams/src/domain/leaky-decider.ts -> apps/launches/src/helper.ts',
      'apps/web/src/leaky-page.ts -> apps/launches/src/helper.ts',
    ]);
  });

  it('keeps server code, libs and server packages out of the web app', () => {
    const hits = ruleHits('web-app-imports-no-server-code');
    expect(hits).toHaveLength(3);
    expect(hits.some((hit) => hit.endsWith('apps/launches/src/helper.ts'))).toBe(true);
    expect(hits.some((hit) => hit.endsWith('libs/contracts/src/index.ts'))).toBe(true);
    expect(hits.some((hit) => hit.includes('node_modules/@nestjs/common'))).toBe(true);
  });

  it('lets only libs/messaging import kafkajs', () => {
    expect(ruleHits('only-messaging-imports-kafkajs')).toHaveLength(1);
  });

  it('keeps frameworks and brokers out of domain code', () => {
    const hits = ruleHits('domain-is-pure');
    expect(hits.some((hit) => hit.includes('@nestjs'))).toBe(true);
    expect(hits.some((hit) => hit.includes('kafkajs'))).toBe(true);
  });

  it('keeps libs from importing apps', () => {
    expect(ruleHits('libs-not-into-apps')).toEqual([
      'libs/contracts/src/index.ts -> apps/launches/src/helper2.ts',
    ]);
  });

  it('keeps each gateway door to the core (and the shared HTTP plumbing), never another door or app/', () => {
    expect(ruleHits('gateway-doors-not-into-other-doors')).toEqual([
      'apps/gateway/src/doors/graphql/leaky-resolver.ts -> apps/gateway/src/doors/rest-gate/gate-body.ts',
    ]);
    expect(ruleHits('gateway-doors-not-into-app')).toEqual([
      'apps/gateway/src/doors/graphql/leaky-resolver.ts -> apps/gateway/src/app/root.ts',
    ]);
  });

  it('keeps the gateway core free of doors, app/ and frameworks', () => {
    expect(ruleHits('gateway-core-not-into-doors')).toEqual([
      'apps/gateway/src/core/leaky-core.ts -> apps/gateway/src/app/root.ts',
      'apps/gateway/src/core/leaky-core.ts -> apps/gateway/src/doors/rest-gate/gate-body.ts',
    ]);
    const framework = ruleHits('gateway-core-is-framework-free');
    expect(framework).toHaveLength(1);
    expect(framework[0]).toContain('node_modules/@nestjs/common');
  });

  it('keeps test support out of production code (specs may use it)', () => {
    expect(ruleHits('no-test-support-in-production')).toEqual([
      'apps/launches/src/leaky-main.ts -> apps/launches/src/testing/fake-clock.ts',
      'apps/launches/src/leaky-main.ts -> libs/testing/src/index.ts',
    ]);
  });

  it('keeps libs from importing scripts, and from reaching into another lib by relative path', () => {
    expect(ruleHits('libs-not-into-scripts')).toEqual(['libs/messaging/src/leaky-lib.ts -> scripts/tool.ts']);
    expect(ruleHits('libs-import-other-libs-by-name')).toEqual([
      'libs/messaging/src/leaky-lib.ts -> libs/contracts/src/index.ts',
    ]);
  });
});
