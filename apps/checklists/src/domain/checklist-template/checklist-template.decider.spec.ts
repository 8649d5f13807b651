import { ErrorCodes, type CreateChecklistTemplate, type TemplateItemSpec } from '@tminus/contracts';
import { deciderSpec } from '@tminus/testing';
import { checklistTemplateDecider } from './checklist-template.decider';

const spec = deciderSpec(checklistTemplateDecider);
const TEMPLATE_ID = 'template-security';
const ITEMS: TemplateItemSpec[] = [
  { title: 'Threat model', description: 'Reviewed by AppSec', required: true, dueDaysBeforeLaunch: 14 },
  { title: 'Pen test', required: true, dueDaysBeforeLaunch: 7 },
  { title: 'Blog post', required: false },
];
const NORMALIZED_ITEMS: TemplateItemSpec[] = [
  { title: 'Threat model', description: 'Reviewed by AppSec', required: true, dueDaysBeforeLaunch: 14 },
  { title: 'Pen test', description: null, required: true, dueDaysBeforeLaunch: 7 },
  { title: 'Blog post', description: null, required: false, dueDaysBeforeLaunch: null },
];

const create = (overrides: Partial<CreateChecklistTemplate['data']> = {}): CreateChecklistTemplate => ({
  type: 'CreateChecklistTemplate',
  data: {
    templateId: TEMPLATE_ID,
    function: 'SECURITY',
    name: 'Security readiness',
    items: ITEMS,
    ...overrides,
  },
});
const event = (
  type: 'ChecklistTemplateCreated' | 'ChecklistTemplateRevised',
  version: number,
  name = 'Security readiness',
  items = NORMALIZED_ITEMS,
) => ({
  type,
  data: { templateId: TEMPLATE_ID, function: 'SECURITY' as const, name, version, items },
});
const created = event('ChecklistTemplateCreated', 1);

describe('CreateChecklistTemplate', () => {
  it('creates version 1 of the function template, with explicit nulls', () => {
    spec.given([]).when(create()).then([created]);
  });

  it('trims the name and the titles', () => {
    spec
      .given([])
      .when(
        create({
          name: '  Security readiness ',
          items: [{ title: ' Pen test  ', required: true, dueDaysBeforeLaunch: 7 }],
        }),
      )
      .then([event('ChecklistTemplateCreated', 1, 'Security readiness', [NORMALIZED_ITEMS[1]])]);
  });

  it('keeps the owner an item names, trimmed, and refuses a blank one', () => {
    const owned: TemplateItemSpec[] = [{ title: 'Pen test', required: true, owner: ' pia ' }];
    spec
      .given([])
      .when(create({ items: owned }))
      .then([
        event('ChecklistTemplateCreated', 1, undefined, [
          { title: 'Pen test', description: null, required: true, dueDaysBeforeLaunch: null, owner: 'pia' },
        ]),
      ]);
    spec
      .given([])
      .when(create({ items: [{ title: 'Pen test', required: true, owner: '  ' }] }))
      .thenThrows(ErrorCodes.TEMPLATE_INVALID);
  });

  it('keeps the CI check an item names (checklists opened from it carry it), and refuses a malformed one', () => {
    spec
      .given([])
      .when(create({ items: [{ title: 'Regression suite green', required: true, check: 'regression' }] }))
      .then([
        event('ChecklistTemplateCreated', 1, undefined, [
          {
            title: 'Regression suite green',
            description: null,
            required: true,
            dueDaysBeforeLaunch: null,
            check: 'regression',
          },
        ]),
      ]);
    spec
      .given([])
      .when(create({ items: [{ title: 'Pen test', required: true, check: '-x' }] }))
      .thenThrows(ErrorCodes.TEMPLATE_INVALID);
  });

  it('creates a template without items', () => {
    spec
      .given([])
      .when(create({ items: [] }))
      .then([event('ChecklistTemplateCreated', 1, 'Security readiness', [])]);
  });

  it('revises an existing template as the next version', () => {
    spec
      .given([created])
      .when(create({ name: 'Security readiness v2', items: ITEMS.slice(0, 1) }))
      .then([event('ChecklistTemplateRevised', 2, 'Security readiness v2', NORMALIZED_ITEMS.slice(0, 1))]);
    spec
      .given([created, event('ChecklistTemplateRevised', 2)])
      .when(create())
      .then([event('ChecklistTemplateRevised', 3)]);
  });

  it('accepts the limits themselves: 200 items, 200-character titles, 0 and 365 days', () => {
    const items = Array.from({ length: 200 }, (_, index) => ({
      title: 'x'.repeat(200),
      required: index % 2 === 0,
      dueDaysBeforeLaunch: index % 2 === 0 ? 0 : 365,
    }));
    spec
      .given([])
      .when(create({ items }))
      .thenEventsSatisfy(([only]) => expect(only.data.items).toHaveLength(200));
  });

  it('refuses a revision for another function on the same stream', () => {
    spec
      .given([created])
      .when(create({ function: 'QA' }))
      .thenThrows(ErrorCodes.TEMPLATE_INVALID);
  });

  it.each<[string, Partial<CreateChecklistTemplate['data']>]>([
    ['an empty name', { name: '   ' }],
    ['a name over 200 characters', { name: 'x'.repeat(201) }],
    [
      'more than 200 items',
      { items: Array.from({ length: 201 }, () => ({ title: 'Item', required: true })) },
    ],
    ['an item with an empty title', { items: [{ title: ' ', required: true }] }],
    ['an item title over 200 characters', { items: [{ title: 'x'.repeat(201), required: true }] }],
    [
      'an item description over 2000 characters',
      { items: [{ title: 'A', description: 'x'.repeat(2001), required: true }] },
    ],
    ['a negative due offset', { items: [{ title: 'A', required: true, dueDaysBeforeLaunch: -1 }] }],
    ['a due offset over 365 days', { items: [{ title: 'A', required: true, dueDaysBeforeLaunch: 366 }] }],
    ['a fractional due offset', { items: [{ title: 'A', required: true, dueDaysBeforeLaunch: 1.5 }] }],
  ])('refuses %s', (_case, overrides) => {
    spec.given([]).when(create(overrides)).thenThrows(ErrorCodes.TEMPLATE_INVALID);
  });

  it('lists every problem in one message, naming the items', () => {
    expect(() =>
      checklistTemplateDecider.decide(
        create({
          name: '',
          items: [
            { title: 'ok', required: true },
            { title: '', required: true, dueDaysBeforeLaunch: 400 },
          ],
        }),
        checklistTemplateDecider.initialState(),
        { now: new Date(), actor: { userId: 'alice', role: 'ADMIN' } },
      ),
    ).toThrow(/name must not be empty.*item 2: the title must not be empty.*item 2: dueDaysBeforeLaunch/);
  });
});
