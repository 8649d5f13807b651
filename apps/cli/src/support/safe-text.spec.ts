import { REDACTED, safeField, safeOutput } from './safe-text';

describe('safeField', () => {
  it('leaves ordinary text, accents and emoji alone', () => {
    expect(safeField('Régression suite — green ✅')).toBe('Régression suite — green ✅');
  });

  it.each([
    ['ESC (colours, cursor moves)', '\u001b[32mALLOWED\u001b[0m', '\\u001b[32mALLOWED\\u001b[0m'],
    ['CR and LF', 'a\r\nb', 'a\\u000d\\u000ab'],
    ['TAB and NUL', 'a\tb\u0000', 'a\\u0009b\\u0000'],
    ['DEL', 'a\u007f', 'a\\u007f'],
    ['C1 CSI', '\u009b31m', '\\u009b31m'],
    ['bidi override and isolate', 'safe\u202eDEWOLLA\u2066x\u2069', 'safe\\u202eDEWOLLA\\u2066x\\u2069'],
    ['line and paragraph separators', 'a\u2028b\u2029c', 'a\\u2028b\\u2029c'],
  ])('escapes %s', (_what, input, expected) => {
    expect(safeField(input)).toBe(expected);
  });
});

describe('safeOutput', () => {
  it('keeps the CLI own line breaks and escapes every other control character', () => {
    expect(safeOutput('one\u001b[2K\rtwo\nthree\n', [])).toBe('one\\u001b[2K\\u000dtwo\nthree\n');
  });

  it('leaves no line starting with a GitHub Actions workflow command', () => {
    expect(safeOutput('ok\n::warning::pwned\n', [])).toBe('ok\n ::warning::pwned\n');
  });

  it('replaces every secret it was given, and any bearer credential', () => {
    const out = safeOutput('token tm_abcdefgh in "Bearer tm_abcdefgh" and "Bearer other_1",\n', [
      'tm_abcdefgh',
    ]);
    expect(out).toBe(`token ${REDACTED} in "Bearer ${REDACTED}" and "Bearer ${REDACTED}",\n`);
  });

  it('keeps JSON valid and its values intact (the escapes are JSON escapes)', () => {
    const value = { title: 'a\u009bb\u202ec\u2028d' };
    const out = safeOutput(`${JSON.stringify(value)}\n`, []);
    expect(out).not.toMatch(/[\u009b\u202e\u2028]/);
    expect(JSON.parse(out)).toEqual(value);
  });
});
