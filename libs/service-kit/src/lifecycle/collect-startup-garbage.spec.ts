import { getHeapSpaceStatistics } from 'node:v8';
import { collectStartupGarbage } from './collect-startup-garbage';

const youngGenerationSize = (): number =>
  getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0;

/** Like a start-up: much allocated, much of it surviving a while, so V8 grows the young generation. */
function allocateLikeAStartUp(): number {
  let kept: object[] = [];
  for (let round = 0; round < 20; round += 1) {
    kept = [...kept.slice(-50_000), ...Array.from({ length: 50_000 }, (_, i) => ({ round, i }))];
  }
  return kept.length;
}

describe('collectStartupGarbage', () => {
  it('collects and gives back the young generation that start-up grew', async () => {
    expect(allocateLikeAStartUp()).toBe(100_000);
    const grown = youngGenerationSize();

    await collectStartupGarbage();

    expect(youngGenerationSize()).toBeLessThan(grown);
  });
});
