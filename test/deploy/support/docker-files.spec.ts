import {
  dockerignoreMatcher,
  effectiveInstructions,
  envOf,
  execForm,
  last,
  parseDockerfile,
} from './docker-files';

const DOCKERFILE = `
ARG NODE_IMAGE=node:20-bookworm-slim
FROM \${NODE_IMAGE} AS base
# a comment with FROM in it
ENV A=1 \\
    B="two words"
USER node
CMD ["node", "base.js"]

FROM base AS web
ENV A=3
EXPOSE 8080
CMD ["node", "web.js"]

FROM --platform=linux/amd64 base AS shell
CMD node shell.js
`;

describe('parseDockerfile', () => {
  const stages = parseDockerfile(DOCKERFILE);

  it('splits stages, resolving global ARGs in FROM', () => {
    expect(stages.map((stage) => [stage.name, stage.from])).toEqual([
      ['base', 'node:20-bookworm-slim'],
      ['web', 'base'],
      ['shell', 'base'],
    ]);
  });

  it('inherits the parent stage, later instructions winning', () => {
    const web = effectiveInstructions(stages, 'web');
    expect(Object.fromEntries(envOf(web))).toEqual({ A: '3', B: 'two words' });
    expect(last(web, 'USER')).toBe('node');
    expect(execForm(last(web, 'CMD') ?? '')).toEqual(['node', 'web.js']);
    expect(execForm(last(effectiveInstructions(stages, 'shell'), 'CMD') ?? '')).toBeNull();
  });
});

describe('dockerignoreMatcher', () => {
  const ignored = dockerignoreMatcher(
    ['# comment', '**/node_modules', 'data', '**/*.spec.ts', '/docs/'].join('\n'),
  );

  it.each([
    ['node_modules/pg/index.js', true],
    ['apps/x/node_modules/a.js', true],
    ['data', true],
    ['data/admin.token', true],
    ['docs/adr/0001.md', true],
    ['apps/x/src/a.spec.ts', true],
    ['apps/x/src/a.ts', false],
    ['apps/data/x.ts', false],
    ['libs/metadata.ts', false],
  ])('%s ignored: %s', (path, expected) => {
    expect(ignored(path)).toBe(expected);
  });

  it('refuses exceptions rather than getting them wrong', () => {
    expect(() => dockerignoreMatcher('docs\n!docs/keep.md')).toThrow('! patterns');
  });
});
