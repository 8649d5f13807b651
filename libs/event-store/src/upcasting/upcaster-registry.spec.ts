import { MissingUpcasterError } from '../errors';
import { UpcasterRegistry } from './upcaster-registry';

const versions: Record<string, number> = { ItemAdded: 3, TeamCreated: 1 };
const registry = (): UpcasterRegistry => new UpcasterRegistry((type) => versions[type] ?? 1);

describe('UpcasterRegistry', () => {
  const v1ToV2 = (data: unknown) => ({ ...(data as object), required: true });
  const v2ToV3 = (data: unknown) => {
    const { title, ...rest } = data as { title: string };
    return { ...rest, name: title };
  };

  it('lifts an old event through every step to the current version', () => {
    const upcasters = registry().register('ItemAdded', 1, v1ToV2).register('ItemAdded', 2, v2ToV3);

    expect(upcasters.upcast('ItemAdded', 1, { title: 'Docs' })).toEqual({
      schemaVersion: 3,
      data: { name: 'Docs', required: true },
    });
    expect(upcasters.upcast('ItemAdded', 2, { title: 'Docs', required: false })).toEqual({
      schemaVersion: 3,
      data: { name: 'Docs', required: false },
    });
  });

  it('leaves an event at the current version untouched', () => {
    const upcasters = registry().register('ItemAdded', 1, v1ToV2);
    const data = { name: 'x', required: false };

    expect(upcasters.upcast('ItemAdded', 3, data)).toEqual({ schemaVersion: 3, data });
    expect(upcasters.upcast('TeamCreated', 1, data)).toEqual({ schemaVersion: 1, data });
  });

  it('returns an event newer than the current version unchanged (it cannot be downcast)', () => {
    expect(registry().upcast('TeamCreated', 2, { a: 1 })).toEqual({ schemaVersion: 2, data: { a: 1 } });
  });

  it('fails loudly when a step is missing', () => {
    const upcasters = registry().register('ItemAdded', 2, v2ToV3);

    expect(() => upcasters.upcast('ItemAdded', 1, {})).toThrow(MissingUpcasterError);
  });

  it('refuses two upcasters for the same step', () => {
    expect(() => registry().register('ItemAdded', 1, v1ToV2).register('ItemAdded', 1, v1ToV2)).toThrow(
      /already exists/,
    );
  });

  it('uses the contracts table of current versions by default', () => {
    expect(new UpcasterRegistry().currentVersion('TeamCreated')).toBe(1);
  });
});
