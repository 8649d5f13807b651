import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configJsonSchema } from './config-schema';
import { parseConfig } from './parse-config';

const SCHEMA_FILE = join(__dirname, '..', '..', '..', '..', 'docs', 'schema', 'tminus-config.schema.json');
const committed = () => `${JSON.stringify(configJsonSchema(), null, 2)}\n`;

describe('docs/schema/tminus-config.schema.json', () => {
  it('is the JSON Schema of the validation apply uses (UPDATE_SCHEMA=1 rewrites it)', () => {
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(SCHEMA_FILE, committed());
    expect(existsSync(SCHEMA_FILE)).toBe(true);
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(committed());
  });

  it('is a draft-07 schema that refuses unknown fields', () => {
    const schema = configJsonSchema() as {
      $schema: string;
      additionalProperties: boolean;
      properties: object;
    };
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties)).toEqual(['teams', 'templates', 'launches', 'incidentSources']);
  });
});

describe('parseConfig', () => {
  const EXAMPLE = `teams:
  - { key: payments-qa, name: Payments QA, function: QA, members: [{ userId: ana, role: LEAD }] }
templates:
  - function: QA
    name: QA release checklist
    items: [{ title: Regression suite green, required: true, dueDaysBeforeLaunch: 2, check: regression }]
launches:
  - key: checkout-v2
    name: Checkout v2
    targetDate: 2027-03-01T09:00:00Z
    requiredTeams: [{ team: payments-qa, signOffsRequired: 1 }]
`;

  it('takes the example of the product contract', () => {
    expect(parseConfig(EXAMPLE, 'tminus.yaml')).toEqual({
      teams: [
        {
          key: 'payments-qa',
          name: 'Payments QA',
          function: 'QA',
          members: [{ userId: 'ana', role: 'LEAD' }],
        },
      ],
      templates: [
        {
          function: 'QA',
          name: 'QA release checklist',
          items: [
            { title: 'Regression suite green', required: true, dueDaysBeforeLaunch: 2, check: 'regression' },
          ],
        },
      ],
      launches: [
        {
          key: 'checkout-v2',
          name: 'Checkout v2',
          targetDate: '2027-03-01T09:00:00Z',
          requiredTeams: [{ team: 'payments-qa', signOffsRequired: 1 }],
        },
      ],
    });
  });

  it.each([
    [
      EXAMPLE.replace('function: QA, members', 'function: QAA, members'),
      /line 2:\d+, teams\[0\]\.function: Invalid option/,
    ],
    [
      EXAMPLE.replace('check: regression', 'check: Regression Tests'),
      /line 6:\d+, templates\[0\]\.items\[0\]\.check/,
    ],
    [
      EXAMPLE.replace('targetDate: 2027-03-01T09:00:00Z', 'targetDate: next march'),
      /line 10:\d+, launches\[0\]\.targetDate/,
    ],
    [
      EXAMPLE.replace('    name: Checkout v2\n', '    name: Checkout v2\n    colour: red\n'),
      /line 8:\d+, launches\[0\]: Unrecognized key: "colour"/,
    ],
    [
      EXAMPLE.replace('  - key: checkout-v2\n    name: Checkout v2\n', '  - key: checkout-v2\n'),
      /line 8:\d+, launches\[0\]\.name/,
    ],
    [
      `${EXAMPLE}  - key: checkout-v2\n    name: Again\n    targetDate: 2027-03-01T09:00:00Z\n`,
      /line 12:\d+, launches\[1\]\.key: "checkout-v2" is already at launches\[0\]/,
    ],
    [
      `${EXAMPLE}incidentSources:\n  - { source: OPSGENIE, match: checkout, launch: checkout-v2 }\n`,
      /line 13:\d+, incidentSources\[0\]\.source: Invalid option/,
    ],
    [
      `${EXAMPLE}incidentSources:\n  - { source: GENERIC, match: checkout, launch: checkout-v2 }\n  - { source: GENERIC, match: checkout, launch: other }\n`,
      /line 14:\d+, incidentSources\[1\]\.match: "GENERIC checkout" is already at incidentSources\[0\]/,
    ],
    ['teams: [ { key: x\n', /line \d+:\d+: /],
    ['teams:\n  - key: a\n    key: b\n', /line 3:\d+: Map keys must be unique/],
  ])('names the line and field of every problem (%#)', (source, message) => {
    expect(() => parseConfig(source, 'tminus.yaml')).toThrow(message);
    expect(() => parseConfig(source, 'tminus.yaml')).toThrow(
      /tminus\.yaml is not a valid tminus configuration \(nothing was changed\)/,
    );
  });

  it('takes incident source mappings by launch key', () => {
    const source = `incidentSources:\n  - { source: ALERTMANAGER, match: 'service="checkout"', launch: checkout-v2 }\n`;
    expect(parseConfig(source, 'tminus.yaml')).toEqual({
      incidentSources: [{ source: 'ALERTMANAGER', match: 'service="checkout"', launch: 'checkout-v2' }],
    });
  });

  it('takes an empty file as nothing to apply', () => {
    expect(parseConfig('', 'empty.yaml')).toEqual({});
  });
});
