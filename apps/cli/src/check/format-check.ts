import { safeField } from '../support/safe-text';
import type { CheckBody } from './check-body';

/** `recorded: check e2e-tests passed on checkout-v2, 2 item(s), 1 changed` then one line per item. */
export function formatCheck(body: CheckBody): string {
  const changed = body.items.filter((item) => item.changed).length;
  const lines = [
    `recorded: check ${safeField(body.check)} ${body.status} on ${safeField(body.launch.key)}: ` +
      `${body.items.length} item(s), ${changed === 0 ? 'no changes' : `${changed} changed`}`,
    ...body.items.map(
      (item) =>
        `  ${safeField(item.team ?? '-')}  ${safeField(item.state)}  ${safeField(item.title)}` +
        (item.changed ? '' : '  (unchanged)'),
    ),
  ];
  return `${lines.join('\n')}\n`;
}
