import { Registry } from 'prom-client';
import { ConsumerLag, type PositionsOf } from './consumer-lag';

describe('tminus_consumer_lag', () => {
  it('reports end minus position per group, topic and partition, and leaves out what the bus cannot say', async () => {
    const registry = new Registry();
    const positionsOf: PositionsOf = async (groupId, topic) => {
      if (topic === 'tminus.teams.events') throw new Error('broker away');
      return [
        { partition: 0, next: '7', end: '10' },
        { partition: 1, next: '4', end: '4' },
      ];
    };
    const lag = new ConsumerLag(registry, positionsOf);
    lag.watch('tminus-teams.tminus.teams.commands', 'tminus.teams.commands');
    lag.watch('tminus-teams.tminus.teams.events', 'tminus.teams.events');

    const text = await registry.metrics();
    expect(text.split('\n').filter((line) => line.startsWith('tminus_consumer_lag{'))).toEqual([
      'tminus_consumer_lag{group="tminus-teams.tminus.teams.commands",topic="tminus.teams.commands",partition="0"} 3',
      'tminus_consumer_lag{group="tminus-teams.tminus.teams.commands",topic="tminus.teams.commands",partition="1"} 0',
    ]);
  });

  it('reports nothing on a bus without positions', async () => {
    const registry = new Registry();
    new ConsumerLag(registry, undefined).watch('g', 't');
    expect(await registry.metrics()).not.toContain('tminus_consumer_lag{');
  });
});
