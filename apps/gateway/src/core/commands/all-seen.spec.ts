import type { EventEnvelope } from '@tminus/contracts';
import type { ProjectedEnvelope } from '../read-model/projector/project-envelope';
import { allSeen } from './all-seen';

const projected = (type: string, streamId: string): ProjectedEnvelope => ({
  envelope: { type, streamId } as EventEnvelope,
  applied: true,
  launchId: 'l',
  kind: 'checklist',
});

describe('allSeen', () => {
  it('holds once every stream showed the event type, whatever the order and other events', () => {
    const seen = allSeen('ChecklistDueDatesMoved', ['c1', 'c2']);
    expect(seen(projected('ChecklistDueDatesMoved', 'c2'))).toBe(false);
    expect(seen(projected('ChecklistItemTicked', 'c1'))).toBe(false);
    expect(seen(projected('ChecklistDueDatesMoved', 'c1'))).toBe(true);
  });
});
