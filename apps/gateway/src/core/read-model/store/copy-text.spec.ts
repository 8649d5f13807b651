import { CopyTextRows, decodeCopyField, encodeCopyRows } from './copy-text';

describe('COPY text format', () => {
  it('writes one line per row, tabs between fields, \\N for null, t/f for booleans', () => {
    expect(
      encodeCopyRows([
        ['a', 1, null],
        ['b', 2.5, true],
      ]),
    ).toBe('a\t1\t\\N\nb\t2.5\tt\n');
  });

  it('escapes backslashes, newlines, carriage returns and tabs inside a field', () => {
    const json = JSON.stringify({ title: 'say "hi"\\there', note: 'a\nb' });
    expect(encodeCopyRows([['x\ty\r\nz', json]])).toBe(`x\\ty\\r\\nz\t${json.replace(/\\/g, '\\\\')}\n`);
  });

  it('reads back what it wrote, and the other escapes PostgreSQL may send', () => {
    const values = ['plain', 'tab\there', 'back\\slash', 'line\nbreak', '{"q":"say \\"hi\\""}', ''];
    const [row] = new CopyTextRows().push(Buffer.from(encodeCopyRows([values])));
    expect(row).toEqual(values);
    expect(decodeCopyField('\\N')).toBeNull();
    expect(decodeCopyField('a\\bb\\fc\\vd\\101\\x42\\q')).toBe('a\bb\fc\vdABq');
  });

  it('keeps a row (and a multi-byte character) cut between chunks until its end arrives', () => {
    const bytes = Buffer.from(
      encodeCopyRows([
        ['1', 'première'],
        ['2', 'zweite €'],
      ]),
    );
    const rows = new CopyTextRows();
    const cut = bytes.indexOf('è') + 1; // inside the two bytes of è
    expect(rows.push(bytes.subarray(0, cut))).toEqual([]);
    expect(rows.push(bytes.subarray(cut, bytes.length - 3))).toEqual([['1', 'première']]);
    expect(rows.push(bytes.subarray(bytes.length - 3))).toEqual([['2', 'zweite €']]);
    expect(() => rows.end()).not.toThrow();
  });

  it('refuses a stream that ends inside a row', () => {
    const rows = new CopyTextRows();
    rows.push(Buffer.from('1\tcomplete\n2\tcut'));
    expect(() => rows.end()).toThrow(/ended inside a row/);
  });
});
